package io.parley.sequence;

import java.util.Locale;

/**
 * Whom a step contacts: the borrower, or a third party (family, employer, a listed reference). Third parties are
 * contacted only when the borrower cannot be reached, with templates that say nothing about the debt.
 */
public enum Audience {
    BORROWER, THIRD_PARTY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Audience parse(String value) {
        if (value != null) {
            for (Audience a : values()) {
                if (a.wire().equalsIgnoreCase(value.trim())) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("unknown audience '" + value + "' (expected one of borrower, third_party)");
    }
}
