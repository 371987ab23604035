package io.parley.sequence;

import java.util.Locale;

/** What a step's due time is measured from. */
public enum Anchor {
    /** The instant the case was enrolled into the sequence. */
    ENROLLMENT,
    /** The instant the previous step's attempt settled (the enrollment instant for the first step). */
    PREVIOUS,
    /** The account's due date, at the start of that day in the debtor's zone. */
    DUE_DATE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name ("enrollment", "previous", "due_date"); throws IllegalArgumentException naming the accepted values. */
    public static Anchor parse(String value) {
        if (value != null) {
            for (Anchor a : values()) {
                if (a.wire().equalsIgnoreCase(value.trim())) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("unknown anchor '" + value + "' (expected one of enrollment, previous, due_date)");
    }
}
