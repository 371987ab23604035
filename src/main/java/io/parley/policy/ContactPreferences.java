package io.parley.policy;

import io.parley.domain.Channel;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the debtor asked for: no contact at all (a written cease request), no contact on some channels, or not at
 * some times; and the addresses of theirs on the address-level suppression list, whoever asked.
 */
public record ContactPreferences(boolean ceaseAll, Set<Channel> refusedChannels, List<InconvenientTime> inconvenientTimes,
                                 List<AddressSuppression> suppressedAddresses) {
    public ContactPreferences {
        refusedChannels = Set.copyOf(refusedChannels);
        inconvenientTimes = List.copyOf(inconvenientTimes);
        suppressedAddresses = List.copyOf(suppressedAddresses);
    }

    public ContactPreferences(boolean ceaseAll, Set<Channel> refusedChannels, List<InconvenientTime> inconvenientTimes) {
        this(ceaseAll, refusedChannels, inconvenientTimes, List.of());
    }

    public static ContactPreferences none() {
        return new ContactPreferences(false, Set.of(), List.of());
    }

    /** The same preferences, with these addresses on the suppression list (in place of any known before). */
    public ContactPreferences withSuppressedAddresses(List<AddressSuppression> suppressions) {
        return new ContactPreferences(ceaseAll, refusedChannels, inconvenientTimes, suppressions);
    }

    /** The suppression that stands against this address on this channel, if any. */
    public Optional<AddressSuppression> suppression(Channel channel, String address) {
        return suppressedAddresses.stream().filter(s -> s.covers(channel, address)).findFirst();
    }
}
