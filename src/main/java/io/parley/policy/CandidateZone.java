package io.parley.policy;

import java.time.ZoneId;

/**
 * A zone the debtor may be in, and why it is a candidate: "explicit", "address US-CA", "phone +1212...",
 * "default". An attempt may go only when it is allowed in every candidate zone.
 */
public record CandidateZone(ZoneId zone, String source) {
}
