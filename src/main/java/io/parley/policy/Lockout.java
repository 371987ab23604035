package io.parley.policy;

import io.parley.domain.Channel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * No call (nor field visit) about a debt for some days after a conversation about it (a connected call, or a visit
 * that reached the debtor). The conversation's local date is day
 * 1; calls are allowed again from the start of day (1 + days) in every candidate zone (the latest of those
 * instants). A lockout that is not a whole number of days is rounded up to one.
 *
 * @param conversation when the latest conversation about this case took place
 */
record Lockout(Channel channel, Sourced<Duration> length, long days, Instant conversation, Instant allowedFrom) implements Constraint {
    /** The lockout in force for this attempt: a call, with a lockout and a conversation about the case. */
    static Optional<Lockout> of(ContactRequest request, EffectiveRules rules, List<CandidateZone> zones) {
        if (!locksOut(request.channel()) || !rules.hasLockout()) {
            return Optional.empty();
        }
        long days = ceilDays(rules.lockout().value());
        return request.history().contacts().stream()
                .filter(past -> past.caseId().equals(request.caseId()))
                .filter(past -> past.kinds().contains(ContactKind.CALL_CONNECTED)
                        || past.kinds().contains(ContactKind.VISIT_REACHED))
                .map(PastContact::at)
                .max(Comparator.naturalOrder())
                .map(at -> new Lockout(request.channel(), rules.lockout(), days, at, zones.stream()
                        .map(zone -> LocalDate.ofInstant(at, zone.zone()).plusDays(days).atStartOfDay(zone.zone())
                                .toInstant())
                        .max(Comparator.naturalOrder()).orElseThrow()));
    }

    /**
     * The channels a conversation locks out: calls, and field visits (a visit that reached the debtor is a
     * conversation too, and no visit follows a conversation within the lockout either).
     */
    static boolean locksOut(Channel channel) {
        return channel == Channel.VOICE || channel == Channel.VISIT;
    }

    static long ceilDays(Duration length) {
        long days = length.toDays();
        return length.equals(Duration.ofDays(days)) ? days : days + 1;
    }

    @Override
    public Optional<Instant> earliest(Instant at, Instant limit) {
        return Optional.of(at.isBefore(allowedFrom) ? allowedFrom : at);
    }

    @Override
    public String rule(Instant at) {
        return length.pack() + "/" + channel.wire() + "/lockout";
    }

    @Override
    public String reason(Instant at, Optional<Instant> next) {
        return length.pack() + " allows no call about this debt for " + days + " days after a conversation (its "
                + "local date is day 1): the latest conversation was at " + conversation
                + ", so calls are allowed again from the start of day " + (days + 1) + " in every candidate zone, "
                + allowedFrom;
    }
}
