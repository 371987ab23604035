package io.parley.policy;

import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.Debtor;

import java.time.ZoneId;

/** What the dispatcher asks the policy about: may this contact go to this point on this channel now? */
public record ContactRequest(String caseId, Debtor debtor, Channel channel, ContactPoint contact, ZoneId zone) {
}
