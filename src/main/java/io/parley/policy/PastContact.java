package io.parley.policy;

import io.parley.domain.Channel;
import io.parley.domain.ContactType;

import java.time.Instant;
import java.util.Set;

/**
 * One contact already made (or possibly made: an attempt whose outcome is unknown counts) with a debtor, on any
 * case: what caps and lockouts count.
 *
 * @param address the contact point used (E.164 phone, email address...)
 * @param kinds   what it counts as (a connected call is CALL_PLACED and CALL_CONNECTED)
 */
public record PastContact(String caseId, Channel channel, String address, ContactType type, Instant at,
                          Set<ContactKind> kinds) {
    public PastContact {
        kinds = Set.copyOf(kinds);
    }
}
