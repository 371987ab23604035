package io.parley.config;

import java.util.Objects;

/** A named key that clients present to the API, and the role it grants. */
public record ApiKey(String name, Secret key, Role role) {

    /** Keys shorter than this are rejected: they can be guessed. */
    public static final int MIN_LENGTH = 16;

    public ApiKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(role, "role");
    }
}
