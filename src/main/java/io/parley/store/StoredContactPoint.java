package io.parley.store;

import io.parley.domain.ContactPoint;

/**
 * A contact point as stored, with its id, whether it may still be used, and why its address is suppressed (an
 * opt-out, cease or wrong number recorded against the address, whichever debtor it came through; null when not).
 */
public record StoredContactPoint(long id, ContactPoint point, ContactPointStatus status, String suppressed) {

    public StoredContactPoint(long id, ContactPoint point, ContactPointStatus status) {
        this(id, point, status, null);
    }

    public boolean usable() {
        return status == ContactPointStatus.VALID && suppressed == null;
    }
}
