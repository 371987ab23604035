package io.parley.policy;

import io.parley.domain.Channel;

import java.util.List;
import java.util.Set;

/**
 * What the debtor asked for: no contact at all (a written cease request), no contact on some channels, or not at
 * some times.
 */
public record ContactPreferences(boolean ceaseAll, Set<Channel> refusedChannels, List<InconvenientTime> inconvenientTimes) {
    public ContactPreferences {
        refusedChannels = Set.copyOf(refusedChannels);
        inconvenientTimes = List.copyOf(inconvenientTimes);
    }

    public static ContactPreferences none() {
        return new ContactPreferences(false, Set.of(), List.of());
    }
}
