package io.parley.channel.letter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When letters are printed: one batch per day in the company's zone, closed at the cut-off time. A letter joins the
 * batch of the first cut-off after it was made, is mailed then, and is expected at the debtor's after the transit
 * time; that is when it counts against contact caps.
 */
public record PrintSchedule(ZoneId zone, LocalTime cutoff, Duration transit) {

    /** The print day of a letter made at this instant: today before the cut-off, tomorrow from it on. */
    public LocalDate printDay(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate today = local.toLocalDate();
        return at.isBefore(cutoffOf(today)) ? today : today.plusDays(1);
    }

    /** The cut-off of a print day (moved past a DST gap when it falls in one). */
    public Instant cutoffOf(LocalDate day) {
        return ZonedDateTime.of(day, cutoff, zone).toInstant();
    }

    /** The batch a print day's letters collect in, named by the day ("2026-12-07"). */
    public static String batchId(LocalDate day) {
        return day.toString();
    }

    /** When a letter made at this instant is expected at the debtor's: its batch's cut-off plus the transit time. */
    public Instant expectedDelivery(Instant madeAt) {
        return cutoffOf(printDay(madeAt)).plus(transit);
    }

    /** The date printed on a letter made at this instant. */
    public LocalDate letterDate(Instant at) {
        return at.atZone(zone).toLocalDate();
    }
}
