package io.parley.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashSet;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds, in one zone, the first instant at or after a given one at which a local-time rule holds. Between the
 * instants where the wall clock reads one of the rule's opening times, reads midnight, or changes offset, the
 * answer of such a rule cannot turn from "no" to "yes"; so only those instants are tried, in order. Hence a window
 * opening inside a spring-forward gap opens at the end of the gap (never earlier), and an opening time the clock
 * reads twice (fall back) is taken at its first occurrence not before the given instant.
 */
final class LocalClock {
    /** How far ahead the candidates are gathered at a time. */
    private static final Duration STRETCH = Duration.ofDays(7);
    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss xxx", Locale.ENGLISH);

    private LocalClock() {
    }

    /** The first instant in [from, limit] at which the rule holds in the zone; empty when there is none. */
    static Optional<Instant> firstAllowed(ZoneId zone, LocalTimeRule rule, Instant from, Instant limit) {
        if (rule.allows(LocalDateTime.ofInstant(from, zone))) {
            return Optional.of(from);
        }
        Instant start = from;
        while (start.isBefore(limit)) {
            Instant end = start.plus(STRETCH).isBefore(limit) ? start.plus(STRETCH) : limit;
            for (Instant candidate : candidates(zone, rule.openings(), start, end)) {
                if (rule.allows(LocalDateTime.ofInstant(candidate, zone))) {
                    return Optional.of(candidate);
                }
            }
            start = end;
        }
        return Optional.empty();
    }

    /** A local date-time for people: "Sun 2026-03-08 08:00:00 -04:00" (the offset tells repeated hours apart). */
    static String readable(Instant at, ZoneId zone) {
        return READABLE.format(at.atZone(zone));
    }

    /** The instants in (start, end] at which a rule with these openings may start to hold, in order. */
    private static NavigableSet<Instant> candidates(ZoneId zone, Set<LocalTime> openings, Instant start, Instant end) {
        ZoneRules rules = zone.getRules();
        Set<LocalTime> times = new HashSet<>(openings);
        times.add(LocalTime.MIDNIGHT);
        TreeSet<Instant> found = new TreeSet<>();
        LocalDate last = LocalDate.ofInstant(end, zone).plusDays(1);
        for (LocalDate day = LocalDate.ofInstant(start, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (LocalTime time : times) {
                LocalDateTime reading = day.atTime(time);
                for (ZoneOffset offset : rules.getValidOffsets(reading)) {
                    found.add(reading.toInstant(offset));
                }
            }
        }
        for (ZoneOffsetTransition change = rules.nextTransition(start);
             change != null && !change.getInstant().isAfter(end);
             change = rules.nextTransition(change.getInstant())) {
            found.add(change.getInstant());
        }
        return found.subSet(start, false, end, true);
    }
}
