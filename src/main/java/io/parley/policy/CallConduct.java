package io.parley.policy;

import java.util.Locale;

/**
 * What a rule pack asks of a call itself, beyond when and how often it may be made: whether the debt collection
 * disclosure is said right after the right party is verified, whether a limited-content voicemail may be left,
 * whether a second factor must be keyed in before anything about the account is said, and how far ahead a promise
 * to pay may be dated. Each is null when the pack says nothing about it.
 */
public record CallConduct(Boolean disclosure, Voicemail voicemail, Boolean secondFactor, Integer promiseWithinDays) {
    /** A pack that says nothing about calls. */
    public static final CallConduct UNSTATED = new CallConduct(null, null, null, null);

    /** What a call may leave on an answering machine. */
    public enum Voicemail {
        /** A limited-content message: a business name that does not reveal collection, a name, a number. */
        LIMITED,
        /** Nothing: hang up. */
        NONE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Voicemail parse(String value) {
            for (Voicemail v : values()) {
                if (v.wire().equals(value.trim())) {
                    return v;
                }
            }
            throw new IllegalArgumentException("must be limited or none, not '" + value + "'");
        }
    }
}
