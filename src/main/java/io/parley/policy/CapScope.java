package io.parley.policy;

import java.util.Locale;

/** What a cap counts over: one debt (case), one person (the debtor across cases), or one contact point. */
public enum CapScope {
    DEBT, PERSON, CONTACT_POINT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CapScope parse(String value) {
        if (value != null) {
            for (CapScope s : values()) {
                if (s.wire().equalsIgnoreCase(value.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown cap scope '" + value + "' (expected one of debt, person, contact_point)");
    }
}
