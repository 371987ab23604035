package io.parley.policy;

import io.parley.domain.Channel;
import io.parley.domain.ContactType;

import java.time.Duration;
import java.util.Set;

/**
 * At most {@code max} contacts counted in any rolling {@code window} (not calendar days).
 *
 * @param id       names the rule in decisions, e.g. "us-regf/voice/7-in-7"
 * @param counts   which kinds of past contact count (and the attempt being decided counts if it is of one of them)
 * @param channels the channels whose contacts count; empty = only the channel the rule is declared for
 * @param toTypes  only contacts to points of these types count, and only attempts to them are capped; empty = all
 */
public record Cap(String id, int max, Duration window, CapScope scope, Set<ContactKind> counts, Set<Channel> channels,
                  Set<ContactType> toTypes) {
    public Cap {
        counts = Set.copyOf(counts);
        channels = Set.copyOf(channels);
        toTypes = Set.copyOf(toTypes);
        if (max < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("cap " + id + ": max must be >= 0 and the window positive");
        }
    }
}
