package io.parley.policy;

import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.Debtor;

import java.util.List;
import java.util.Set;

/**
 * What the dispatcher asks the policy about: may this contact go to this point on this channel now? With what the
 * policy needs to answer: the message's traits, the packs the enrollment asked for (empty = derive them from the
 * debtor), the debtor's contact history across cases, their stated preferences, and how reachable the borrower has
 * been.
 */
public record ContactRequest(String caseId, Debtor debtor, Channel channel, ContactPoint contact,
                             TemplateTraits template, List<String> requestedPacks, ContactHistory history,
                             ContactPreferences preferences, BorrowerReach reach, Set<ContactKind> counts) {
    public ContactRequest {
        requestedPacks = List.copyOf(requestedPacks);
        counts = Set.copyOf(counts);
    }

    /**
     * A request for an attempt that counts as what a contact on its channel counts as before its outcome is known,
     * in the policy's vocabulary (a call: placed and, until it connects, unanswered).
     */
    public ContactRequest(String caseId, Debtor debtor, Channel channel, ContactPoint contact, TemplateTraits template,
                          List<String> requestedPacks, ContactHistory history, ContactPreferences preferences,
                          BorrowerReach reach) {
        this(caseId, debtor, channel, contact, template, requestedPacks, history, preferences, reach,
                PackKinds.pending(channel));
    }

    /**
     * @param consecutiveFailures attempts to the borrower's own points that failed in a row, most recent last
     * @param allPointsInvalid    every borrower contact point is invalid or opted out
     */
    public record BorrowerReach(int consecutiveFailures, boolean allPointsInvalid) {
        public static BorrowerReach reachable() {
            return new BorrowerReach(0, false);
        }
    }
}
