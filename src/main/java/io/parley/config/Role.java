package io.parley.config;

import java.util.Locale;

/** What an API key may do: ADMIN manages keys and configuration, WRITE changes cases, READ only looks. */
public enum Role {
    ADMIN, WRITE, READ;

    public boolean canWrite() {
        return this != READ;
    }

    /** Whether contact addresses (phone numbers, email addresses, postal lines) are shown unmasked: not to READ. */
    public boolean seesAddresses() {
        return this != READ;
    }

    public boolean canAdminister() {
        return this == ADMIN;
    }

    /** Case-insensitive; throws IllegalArgumentException naming the accepted values. */
    public static Role parse(String value) {
        if (value != null) {
            for (Role role : values()) {
                if (role.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("is not a role (ADMIN, WRITE or READ)");
    }
}
