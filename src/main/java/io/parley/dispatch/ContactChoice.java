package io.parley.dispatch;

import io.parley.domain.Channel;
import io.parley.policy.AddressSuppression;
import io.parley.policy.ContactPreferences;
import io.parley.sequence.Audience;
import io.parley.sequence.Step;
import io.parley.store.ContactPointStatus;
import io.parley.store.StoredContactPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the contact point a step uses: its own channel first, then its fallbacks in order; only points of the
 * step's audience (the borrower's own, or third parties') that are still valid (not opted out, not invalid) and
 * whose address the policy's facts do not put on the suppression list ({@link ContactPreferences#suppression}), on a
 * channel this instance can send on. Says why each channel it passed over could not be used, naming the suppression
 * rule and why.
 */
record ContactChoice(Optional<Chosen> chosen, List<String> passedOver) {

    record Chosen(Channel channel, String template, StoredContactPoint point) {
    }

    record Option(Channel channel, String template) {
    }

    /** The step's own channel and template, then its fallbacks in order. */
    static List<Option> options(Step step) {
        List<Option> options = new ArrayList<>();
        options.add(new Option(step.channel(), step.template()));
        step.fallback().forEach(f -> options.add(new Option(f.channel(), f.template())));
        return options;
    }

    /** The choice with the suppressions the stored points carry as the only ones known. */
    static ContactChoice choose(List<Option> options, Audience audience, List<StoredContactPoint> contacts,
                                Set<Channel> sendable) {
        return choose(options, audience, contacts, sendable, withSuppressions(ContactPreferences.none(), contacts),
                Set.of());
    }

    /** @param open channels whose provider is unavailable for now (its circuit breaker is open) */
    static ContactChoice choose(List<Option> options, Audience audience, List<StoredContactPoint> contacts,
                                Set<Channel> sendable, ContactPreferences preferences, Set<Channel> open) {
        boolean thirdParty = audience == Audience.THIRD_PARTY;
        List<String> passed = new ArrayList<>();
        for (Option option : options) {
            Channel channel = option.channel();
            if (!sendable.contains(channel)) {
                passed.add(channel.wire() + ": no sender is configured for this channel");
                continue;
            }
            if (open.contains(channel)) {
                passed.add(channel.wire() + ": the provider is unavailable for now (circuit open)");
                continue;
            }
            List<StoredContactPoint> onChannel = contacts.stream().filter(c -> c.point().channel() == channel).toList();
            List<StoredContactPoint> own = onChannel.stream()
                    .filter(c -> c.point().type().thirdParty() == thirdParty).toList();
            Optional<StoredContactPoint> usable = own.stream().filter(c -> c.status() == ContactPointStatus.VALID
                    && suppression(preferences, c).isEmpty()).findFirst();
            if (usable.isPresent()) {
                return new ContactChoice(Optional.of(new Chosen(channel, option.template(), usable.get())), passed);
            }
            passed.add(channel.wire() + ": " + unusable(onChannel, own, thirdParty, preferences));
        }
        return new ContactChoice(Optional.empty(), passed);
    }

    private static String unusable(List<StoredContactPoint> onChannel, List<StoredContactPoint> own,
                                   boolean thirdParty, ContactPreferences preferences) {
        if (onChannel.isEmpty()) {
            return "no contact point";
        }
        if (own.isEmpty()) {
            return thirdParty ? "no third-party contact point"
                    : "only third-party contact points, which are not used to reach the borrower";
        }
        return "no usable contact point (" + String.join(", ", own.stream().map(p -> standing(p, preferences)).toList()) + ")";
    }

    private static Optional<AddressSuppression> suppression(ContactPreferences preferences, StoredContactPoint p) {
        return preferences.suppression(p.point().channel(), p.point().address());
    }

    private static String standing(StoredContactPoint p, ContactPreferences preferences) {
        return suppression(preferences, p).map(s -> s.reason() + " [" + AddressSuppression.RULE + "]"
                + (p.status() == ContactPointStatus.VALID ? "" : "; " + p.status().wire())).orElse(p.status().wire());
    }

    /** The preferences with every address these stored points found on the suppression list. */
    static ContactPreferences withSuppressions(ContactPreferences preferences, List<StoredContactPoint> contacts) {
        List<AddressSuppression> found = new ArrayList<>(preferences.suppressedAddresses());
        contacts.stream().filter(p -> p.suppressed() != null).forEach(p -> found.add(new AddressSuppression(
                p.point().channel(), p.point().address(), p.suppressed())));
        return preferences.withSuppressedAddresses(found);
    }
}
