package io.parley.store;

import java.util.Locale;

/** Where a stored contact point stands: usable, known not to reach the debtor, or opted out by them. */
public enum ContactPointStatus {
    VALID, INVALID, OPTED_OUT;

    /** The status as stored and shown ("opted_out"). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContactPointStatus parse(String wire) {
        for (ContactPointStatus s : values()) {
            if (s.wire().equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown contact point status '" + wire + "'");
    }
}
