package io.parley.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Contact only between two local times in the debtor's zone (e.g. 08:00 inclusive to 21:00 exclusive). Outside the
 * window the attempt is deferred to the exact instant the window next opens ({@link LocalClock}): on a
 * spring-forward day a window opening inside the gap opens at the first instant after it, never earlier; an
 * opening in a repeated hour is its first occurrence not already past.
 */
public final class QuietHours {
    static final String RULE = "quiet-hours";
    /** A window opens at least once a day; a clock change can push the next opening past 24 hours. */
    private static final Duration OPENS_WITHIN = Duration.ofDays(3);
    private final LocalTime from;
    private final LocalTime until;
    private final ContactHours hours;

    public QuietHours(LocalTime from, LocalTime until) {
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("contact window must start before it ends: " + from + "-" + until);
        }
        this.from = from;
        this.until = until;
        this.hours = new ContactHours(from, until);
    }

    /** Allowed now in this zone, or deferred to the instant the window next opens there. */
    public Decision decide(ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        Map<String, Object> facts = Map.of(
                "zone", zone.getId(),
                "localTime", local.toLocalDateTime().toString(),
                "window", from + "-" + until);
        if (hours.allows(time)) {
            return new Decision.Allow(RULE, List.of("local time " + time.withNano(0) + " in " + zone.getId()
                    + " is inside " + from + "-" + until), facts);
        }
        Instant next = LocalClock.firstAllowed(zone, hours, now, now.plus(OPENS_WITHIN)).orElseThrow(
                () -> new IllegalStateException("no opening after " + now + " in " + zone.getId()));
        return new Decision.Defer(next, RULE, List.of("local time " + time.withNano(0) + " in " + zone.getId()
                + " is outside " + from + "-" + until + "; next allowed " + next.atZone(zone).toLocalDateTime()), facts);
    }
}
