package io.parley.policy;

import io.parley.domain.Channel;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The rules in force for one channel when several packs apply: the strictest of each (the latest start, the
 * earliest end, every no-contact day, every cap, the longest lockout, the most failures before a third party),
 * each naming the pack it comes from.
 *
 * @param noContactDays each day with the pack that forbids it
 * @param caps          every cap of every pack that applies to this channel (each is enforced)
 * @param call          what a call itself must do (for the voice channel)
 */
public record EffectiveRules(List<String> packs, Channel channel, Sourced<LocalTime> from, Sourced<LocalTime> until,
                             Map<DayOfWeek, String> noContactDays, List<Cap> caps, Sourced<java.time.Duration> lockout,
                             Sourced<Integer> thirdPartyAfterFailures, CallConductRules call) {
    public EffectiveRules {
        packs = List.copyOf(packs);
        noContactDays = Map.copyOf(noContactDays);
        caps = List.copyOf(caps);
    }

    public boolean hasLockout() {
        return !lockout.value().isZero();
    }

    /** True when the window is empty (the latest start is not before the earliest end): no time is allowed. */
    public boolean noHours() {
        return !from.value().isBefore(until.value());
    }

    static Duration none() {
        return Duration.ZERO;
    }
}
