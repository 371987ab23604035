package io.parley.config;

import java.util.Objects;

/**
 * A password, token or API key. It never shows in toString(), so a config record can be logged as a whole;
 * the only way to read it is the deliberate {@link #reveal()}.
 */
public record Secret(String reveal) {

    /** No secret configured. */
    public static final Secret NONE = new Secret("");

    public Secret {
        Objects.requireNonNull(reveal, "reveal");
    }

    public static Secret of(CharSequence value) {
        return value == null || value.length() == 0 ? NONE : new Secret(value.toString());
    }

    public boolean isEmpty() {
        return reveal.isEmpty();
    }

    public int length() {
        return reveal.length();
    }

    @Override
    public String toString() {
        return "****";
    }
}
