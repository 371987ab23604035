package io.parley.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Map;

/**
 * Contact only between two local times in the debtor's zone (e.g. 08:00 inclusive to 21:00 exclusive). Outside the
 * window the attempt is deferred to the exact instant the window next opens; on a spring-forward day a window
 * opening inside the gap opens at the first instant after it, never earlier.
 */
public final class QuietHours {
    static final String RULE = "quiet-hours";
    private final LocalTime from;
    private final LocalTime until;

    public QuietHours(LocalTime from, LocalTime until) {
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("contact window must start before it ends: " + from + "-" + until);
        }
        this.from = from;
        this.until = until;
    }

    /** Allowed now in this zone, or deferred to the instant the window next opens there. */
    public Decision decide(ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        Map<String, Object> facts = Map.of(
                "zone", zone.getId(),
                "localTime", local.toLocalDateTime().toString(),
                "window", from + "-" + until);
        if (!time.isBefore(from) && time.isBefore(until)) {
            return new Decision.Allow(RULE, List.of("local time " + time.withNano(0) + " in " + zone.getId()
                    + " is inside " + from + "-" + until), facts);
        }
        LocalDate day = time.isBefore(from) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        Instant next = opening(LocalDateTime.of(day, from), zone, now);
        return new Decision.Defer(next, RULE, List.of("local time " + time.withNano(0) + " in " + zone.getId()
                + " is outside " + from + "-" + until + "; next allowed " + next.atZone(zone).toLocalDateTime()), facts);
    }

    /**
     * The first instant after now at which the local clock reads the opening time or later. In a gap that is the
     * end of the gap (not the opening time shifted by the gap's length); in a repeated hour it is the earlier of
     * the two instants unless that one has already passed.
     */
    private static Instant opening(LocalDateTime at, ZoneId zone, Instant now) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(at);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        for (ZoneOffset offset : zone.getRules().getValidOffsets(at)) {
            Instant candidate = at.toInstant(offset);
            if (candidate.isAfter(now)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no opening after " + now + " at " + at + " in " + zone.getId());
    }
}
