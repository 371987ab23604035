package io.parley.policy;

import io.parley.domain.Channel;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A time the debtor said is inconvenient, in their local time: on the given days (all days when empty), from one
 * time to another (may wrap past midnight), for the given channels (all when empty).
 */
public record InconvenientTime(Set<DayOfWeek> days, LocalTime from, LocalTime until, Set<Channel> channels) {
    public InconvenientTime {
        days = Set.copyOf(days);
        channels = Set.copyOf(channels);
        if (from.equals(until)) {
            throw new IllegalArgumentException("an inconvenient time needs a start and a different end: " + from);
        }
    }

    public boolean appliesTo(Channel channel) {
        return channels.isEmpty() || channels.contains(channel);
    }
}
