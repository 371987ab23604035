package io.parley.domain;

import java.util.Locale;

/** Whose contact point it is and what kind. Third parties are never told about the debt. */
public enum ContactType {
    MOBILE, HOME, WORK, PERSONAL, FAMILY, EMPLOYER, REFERENCE;

    public boolean thirdParty() {
        return this == FAMILY || this == EMPLOYER || this == REFERENCE;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContactType parse(String value) {
        if (value != null) {
            for (ContactType t : values()) {
                if (t.wire().equalsIgnoreCase(value.trim())) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown contact point type '" + value
                + "' (expected one of mobile, home, work, personal, family, employer, reference)");
    }
}
