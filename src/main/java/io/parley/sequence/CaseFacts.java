package io.parley.sequence;

import io.parley.domain.Channel;

import java.util.Set;

/**
 * What is known about the case when a step falls due, as far as skip conditions are concerned.
 *
 * @param replied       the debtor replied (on any channel) since the enrollment started
 * @param promisedToPay the debtor has an open promise to pay
 * @param deliveredOn   channels on which an earlier attempt of this enrollment was delivered
 */
public record CaseFacts(boolean replied, boolean promisedToPay, Set<Channel> deliveredOn) {
    public CaseFacts {
        deliveredOn = deliveredOn == null ? Set.of() : Set.copyOf(deliveredOn);
    }

    /** Nothing has happened yet. */
    public static CaseFacts none() {
        return new CaseFacts(false, false, Set.of());
    }
}
