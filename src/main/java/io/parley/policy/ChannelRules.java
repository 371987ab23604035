package io.parley.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * One rule pack's rules for one channel.
 *
 * @param from                     earliest local time a contact may be made (inclusive)
 * @param until                    local time from which no contact may be made (exclusive)
 * @param noContactDays            local days of the week with no contact at all
 * @param caps                     rolling-window caps for this channel
 * @param lockoutAfterConversation after a telephone conversation about a debt, no call about it for this long,
 *                                 counted in local days with the conversation day as day 1; zero = none
 * @param call                     what a call itself must do (voice only)
 */
public record ChannelRules(LocalTime from, LocalTime until, Set<DayOfWeek> noContactDays, List<Cap> caps,
                           Duration lockoutAfterConversation, CallConduct call) {

    /** Rules that say nothing about what a call must do. */
    public ChannelRules(LocalTime from, LocalTime until, Set<DayOfWeek> noContactDays, List<Cap> caps,
                        Duration lockoutAfterConversation) {
        this(from, until, noContactDays, caps, lockoutAfterConversation, CallConduct.UNSTATED);
    }

    public ChannelRules {
        java.util.Objects.requireNonNull(call, "call");
        noContactDays = Set.copyOf(noContactDays);
        caps = List.copyOf(caps);
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("contact hours must start before they end: " + from + "-" + until);
        }
    }
}
