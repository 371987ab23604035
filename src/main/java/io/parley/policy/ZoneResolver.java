package io.parley.policy;

import io.parley.domain.Debtor;

import java.util.List;

/** Every time zone the debtor may be in: never empty (falls back to a configured default, never to UTC). */
public interface ZoneResolver {
    List<CandidateZone> candidates(Debtor debtor);
}
