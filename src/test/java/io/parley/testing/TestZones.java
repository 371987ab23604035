package io.parley.testing;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Time zones chosen relative to the real clock, so end-to-end tests that run on the system clock are inside (or
 * outside) the contact window whatever time of day the suite runs.
 */
public final class TestZones {
    private TestZones() {
    }

    /** A zone where it is about 14:00 now: far from both edges of an 08:00-21:00 window. */
    public static ZoneId afternoon() {
        return zoneWhereHourIs(14);
    }

    /** A zone where it is about 03:00 now: contact is not allowed for hours. */
    public static ZoneId night() {
        return zoneWhereHourIs(3);
    }

    static ZoneId zoneWhereHourIs(int hour) {
        int utcHour = ZonedDateTime.now(Clock.systemUTC()).getHour();
        int offset = Math.floorMod(hour - utcHour, 24);
        if (offset > 12) {
            offset -= 24;
        }
        if (offset == 0) {
            return ZoneId.of("Etc/UTC");
        }
        // POSIX-style names: Etc/GMT-5 is five hours ahead of UTC
        return ZoneId.of(offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + (-offset));
    }
}
