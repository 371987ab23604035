package io.parley.store;

import io.parley.domain.ContactPoint;

/** A contact point as stored, with its id and whether it may still be used. */
public record StoredContactPoint(long id, ContactPoint point, ContactPointStatus status) {

    public boolean usable() {
        return status == ContactPointStatus.VALID;
    }
}
