package io.parley.policy;

import java.time.Instant;

/** Decides, for every attempt, whether it may go now, must wait until a later instant, or must not happen. */
public interface CompliancePolicy {
    Decision decide(ContactRequest request, Instant now);
}
