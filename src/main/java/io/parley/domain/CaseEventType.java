package io.parley.domain;

import java.util.Locale;

/** Facts about a case that the collection engine (or a reply) reports; sequences list the ones that stop or pause them. */
public enum CaseEventType {
    PAYMENT_RECEIVED, PROMISE_TO_PAY, DISPUTE, CEASE_REQUEST, ATTORNEY, BANKRUPTCY, REPLIED,
    /** The collection engine takes a case back from the agency it was placed with: Parley's own steps go on. */
    RECALL;

    /**
     * Facts after which no contact about the case may happen, whatever its sequences say: a dispute (until it is
     * resolved), a written cease request, representation by an attorney, bankruptcy.
     */
    public boolean holdsAllContact() {
        return this == DISPUTE || this == CEASE_REQUEST || this == ATTORNEY || this == BANKRUPTCY;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseEventType parse(String value) {
        if (value != null) {
            for (CaseEventType t : values()) {
                if (t.wire().equalsIgnoreCase(value.trim())) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown event type '" + value + "' (expected one of payment_received, "
                + "promise_to_pay, dispute, cease_request, attorney, bankruptcy, replied, recall)");
    }
}
