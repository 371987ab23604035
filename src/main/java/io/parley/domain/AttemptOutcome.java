package io.parley.domain;

import java.util.Locale;

/**
 * How an attempt ended, as far as the sequence is concerned: what steps branch on.
 * DELIVERED covers "delivered" (SMS), "sent" (email accepted by the relay), "completed" (answered call).
 */
public enum AttemptOutcome {
    DELIVERED, FAILED, NO_ANSWER, REPLIED, SUPPRESSED, UNKNOWN;

    /** The outcomes every channel's steps may branch on. */
    public static final java.util.Set<AttemptOutcome> COMMON = java.util.Set.of(values());

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttemptOutcome parse(String value) {
        if (value != null) {
            for (AttemptOutcome o : values()) {
                if (o.wire().equalsIgnoreCase(value.trim())) {
                    return o;
                }
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + value
                + "' (expected one of delivered, failed, no_answer, replied, suppressed, unknown)");
    }
}
