package io.parley.store;

import io.parley.domain.ContactPoint;

/** A contact point as stored, with its id and whether it may still be used (valid, invalid, opted_out). */
public record StoredContactPoint(long id, ContactPoint point, String status) {
    public static final String VALID = "valid";
    public static final String INVALID = "invalid";
    public static final String OPTED_OUT = "opted_out";

    public boolean usable() {
        return VALID.equals(status);
    }
}
