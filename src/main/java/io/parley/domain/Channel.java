package io.parley.domain;

import java.util.Locale;

/** A way of reaching a debtor. The wire name is the lower-case name used in the API and in files. */
public enum Channel {
    SMS, VOICE, EMAIL, WECHAT, LETTER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name ("sms", "email"...); throws IllegalArgumentException naming the accepted values. */
    public static Channel parse(String value) {
        if (value != null) {
            for (Channel c : values()) {
                if (c.wire().equalsIgnoreCase(value.trim())) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown channel '" + value + "' (expected one of sms, voice, email, wechat, letter)");
    }
}
