package io.parley.policy;

import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.ContactType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What rules an attempt out for good, whatever the time: the address on the suppression list (an opt-out, cease or
 * wrong number recorded against it, under any debtor), the debtor's cease request or refusal of the channel, a
 * third party while the borrower can still be reached or with a message not fit for them, a work email without
 * consent, contact hours that leave no time, a cap that allows none.
 */
final class Prohibitions {
    /** Every rule that forbids the attempt; the first one decides. */
    record Prohibition(String rule, List<String> reasons) {
    }

    private Prohibitions() {
    }

    static Optional<Prohibition> find(ContactRequest request, EffectiveRules rules, List<CapUsage> caps) {
        List<String> ids = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        ContactPreferences preferences = request.preferences();
        Channel channel = request.channel();
        ContactPoint point = request.contact();
        preferences.suppression(channel, point.address())
                .ifPresent(s -> add(ids, reasons, AddressSuppression.RULE, s.reason()));
        if (preferences.ceaseAll()) {
            add(ids, reasons, "cease", "the debtor asked for no contact at all");
        }
        if (preferences.refusedChannels().contains(channel)) {
            add(ids, reasons, "refused-channel", "the debtor refused contact by " + channel.wire());
        }
        if (point.type().thirdParty()) {
            ContactRequest.BorrowerReach reach = request.reach();
            Sourced<Integer> after = rules.thirdPartyAfterFailures();
            if (reach.consecutiveFailures() < after.value() && !reach.allPointsInvalid()) {
                add(ids, reasons, "third-party/borrower-reachable", "a third party (" + point.type().wire()
                        + ") may be contacted only after " + after.value() + " consecutive failed attempts to reach "
                        + "the borrower (" + after.pack() + ") or when no borrower contact point is valid; "
                        + reach.consecutiveFailures() + " failed so far");
            }
            if (!request.template().thirdPartySafe()) {
                add(ids, reasons, "third-party/unsafe-template", "the message is not safe to send to a third party ("
                        + point.type().wire() + ")");
            }
        }
        if (channel == Channel.EMAIL && point.type() == ContactType.WORK && !point.consent()) {
            add(ids, reasons, "work-email-without-consent",
                    "an email to a work address needs the debtor's consent, and there is none");
        }
        ContactHours hours = ContactHours.of(rules);
        if (hours.empty()) {
            add(ids, reasons, "hours/empty", "no " + channel.wire() + " contact hours are left: " + rules.from().pack()
                    + " starts at " + hours.from() + " and " + rules.until().pack() + " ends at " + hours.until());
        }
        for (CapUsage usage : caps) {
            if (usage.cap().max() == 0) {
                add(ids, reasons, "cap/" + usage.cap().id(), usage.cap().id() + " allows no such "
                        + channel.wire() + " contact at all");
            }
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(new Prohibition(ids.get(0), List.copyOf(reasons)));
    }

    private static void add(List<String> ids, List<String> reasons, String id, String reason) {
        ids.add(id);
        reasons.add(reason);
    }
}
