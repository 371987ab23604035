package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contact window in the debtor's zone: allowed inside [from, until), otherwise deferred to the exact instant
 * the window next opens, across DST changes and never earlier.
 */
class QuietHoursTest {
    private static final QuietHours EIGHT_TO_NINE = new QuietHours(LocalTime.of(8, 0), LocalTime.of(21, 0));

    static ZoneId request(String zone) {
        return ZoneId.of(zone);
    }

    @ParameterizedTest(name = "{0} at {1} (local {2}) -> allowed")
    @CsvSource({
            // America/New_York, ordinary winter day (EST, -05:00)
            "America/New_York, 2026-01-15T13:00:00Z, 2026-01-15T08:00",
            "America/New_York, 2026-01-16T01:59:59Z, 2026-01-15T20:59:59",
            // spring-forward day 2026-03-08 (02:00 EST -> 03:00 EDT)
            "America/New_York, 2026-03-08T12:00:00Z, 2026-03-08T08:00",
            "America/New_York, 2026-03-09T00:59:59Z, 2026-03-08T20:59:59",
            // fall-back day 2026-11-01 (02:00 EDT -> 01:00 EST)
            "America/New_York, 2026-11-01T13:00:00Z, 2026-11-01T08:00",
            "America/New_York, 2026-11-02T01:59:59Z, 2026-11-01T20:59:59",
            // Asia/Shanghai (+08:00, no DST)
            "Asia/Shanghai, 2026-06-02T00:00:00Z, 2026-06-02T08:00",
            "Asia/Shanghai, 2026-06-02T12:59:59Z, 2026-06-02T20:59:59",
            // Australia/Lord_Howe: +10:30 standard, +11:00 summer (30-minute shift)
            "Australia/Lord_Howe, 2026-04-04T21:30:00Z, 2026-04-05T08:00",
            "Australia/Lord_Howe, 2026-04-05T10:29:59Z, 2026-04-05T20:59:59",
            "Australia/Lord_Howe, 2026-10-03T21:00:00Z, 2026-10-04T08:00",
            "Australia/Lord_Howe, 2026-10-04T09:59:59Z, 2026-10-04T20:59:59"})
    void allowsInsideTheWindow(String zone, Instant now, String localTime) {
        Decision decision = EIGHT_TO_NINE.decide(request(zone), now);

        Decision.Allow allow = assertInstanceOf(Decision.Allow.class, decision);
        assertAll(
                () -> assertEquals("quiet-hours", allow.rule()),
                () -> assertEquals("allow", allow.outcome()),
                () -> assertEquals(zone, allow.facts().get("zone")),
                () -> assertEquals(localTime, allow.facts().get("localTime")),
                () -> assertEquals("08:00-21:00", allow.facts().get("window")),
                () -> assertFalse(allow.reasons().isEmpty(), "a reason is given"),
                () -> assertTrue(allow.reasons().get(0).contains(zone), allow.reasons().toString()));
    }

    @ParameterizedTest(name = "{0} at {1} (local {2}) -> deferred to {3}")
    @CsvSource({
            // America/New_York, ordinary winter day
            "America/New_York, 2026-01-15T12:59:59Z, 2026-01-15T07:59:59, 2026-01-15T13:00:00Z",
            "America/New_York, 2026-01-16T02:00:00Z, 2026-01-15T21:00,    2026-01-16T13:00:00Z",
            "America/New_York, 2026-01-16T04:59:59Z, 2026-01-15T23:59:59, 2026-01-16T13:00:00Z",
            "America/New_York, 2026-01-16T05:00:00Z, 2026-01-16T00:00,    2026-01-16T13:00:00Z",
            // the evening before spring forward (EST) defers to 08:00 EDT: one hour less than 24h later
            "America/New_York, 2026-03-08T02:00:00Z, 2026-03-07T21:00,    2026-03-08T12:00:00Z",
            "America/New_York, 2026-03-08T06:59:59Z, 2026-03-08T01:59:59, 2026-03-08T12:00:00Z",
            "America/New_York, 2026-03-08T07:00:00Z, 2026-03-08T03:00,    2026-03-08T12:00:00Z",
            "America/New_York, 2026-03-08T11:59:59Z, 2026-03-08T07:59:59, 2026-03-08T12:00:00Z",
            "America/New_York, 2026-03-09T01:00:00Z, 2026-03-08T21:00,    2026-03-09T12:00:00Z",
            // the evening before fall back (EDT) defers to 08:00 EST: never to 07:00 EST
            "America/New_York, 2026-11-01T01:00:00Z, 2026-10-31T21:00,    2026-11-01T13:00:00Z",
            "America/New_York, 2026-11-01T05:30:00Z, 2026-11-01T01:30,    2026-11-01T13:00:00Z",
            "America/New_York, 2026-11-01T06:30:00Z, 2026-11-01T01:30,    2026-11-01T13:00:00Z",
            "America/New_York, 2026-11-01T12:59:59Z, 2026-11-01T07:59:59, 2026-11-01T13:00:00Z",
            "America/New_York, 2026-11-02T02:00:00Z, 2026-11-01T21:00,    2026-11-02T13:00:00Z",
            // Asia/Shanghai
            "Asia/Shanghai, 2026-06-01T23:59:59Z, 2026-06-02T07:59:59, 2026-06-02T00:00:00Z",
            "Asia/Shanghai, 2026-06-02T13:00:00Z, 2026-06-02T21:00,    2026-06-03T00:00:00Z",
            "Asia/Shanghai, 2026-06-01T15:59:59Z, 2026-06-01T23:59:59, 2026-06-02T00:00:00Z",
            "Asia/Shanghai, 2026-06-01T16:00:00Z, 2026-06-02T00:00,    2026-06-02T00:00:00Z",
            // Lord Howe fall back 2026-04-05 (02:00 +11:00 -> 01:30 +10:30)
            "Australia/Lord_Howe, 2026-04-04T10:00:00Z, 2026-04-04T21:00,    2026-04-04T21:30:00Z",
            "Australia/Lord_Howe, 2026-04-04T14:45:00Z, 2026-04-05T01:45,    2026-04-04T21:30:00Z",
            "Australia/Lord_Howe, 2026-04-04T15:15:00Z, 2026-04-05T01:45,    2026-04-04T21:30:00Z",
            "Australia/Lord_Howe, 2026-04-04T21:29:59Z, 2026-04-05T07:59:59, 2026-04-04T21:30:00Z",
            // Lord Howe spring forward 2026-10-04 (02:00 +10:30 -> 02:30 +11:00)
            "Australia/Lord_Howe, 2026-10-03T10:30:00Z, 2026-10-03T21:00,    2026-10-03T21:00:00Z",
            "Australia/Lord_Howe, 2026-10-03T15:29:59Z, 2026-10-04T01:59:59, 2026-10-03T21:00:00Z",
            "Australia/Lord_Howe, 2026-10-03T15:30:00Z, 2026-10-04T02:30,    2026-10-03T21:00:00Z",
            "Australia/Lord_Howe, 2026-10-03T20:59:59Z, 2026-10-04T07:59:59, 2026-10-03T21:00:00Z",
            "Australia/Lord_Howe, 2026-10-04T10:00:00Z, 2026-10-04T21:00,    2026-10-04T21:00:00Z"})
    void defersOutsideTheWindowToTheExactOpening(String zone, Instant now, String localTime, Instant expected) {
        ZoneId request = request(zone);

        Decision.Defer defer = assertInstanceOf(Decision.Defer.class, EIGHT_TO_NINE.decide(request, now));

        assertAll(
                () -> assertEquals(expected, defer.until()),
                () -> assertEquals("quiet-hours", defer.rule()),
                () -> assertEquals("defer", defer.outcome()),
                () -> assertEquals(zone, defer.facts().get("zone")),
                () -> assertEquals(localTime, defer.facts().get("localTime")),
                () -> assertFalse(defer.reasons().isEmpty(), "a reason is given"),
                () -> assertTrue(defer.reasons().get(0).contains("outside 08:00-21:00"), defer.reasons().toString()));
        assertOpensExactlyAt(EIGHT_TO_NINE, request, now, defer.until());
    }

    /**
     * A window whose start falls in a DST gap opens at the first instant after the gap (the first instant whose
     * local time is past the start), never earlier and not later either; one whose start falls in a repeated hour
     * opens at the next instant the local clock reads the start, never at one already past.
     */
    @ParameterizedTest(name = "{0} {1}-{2} at {3} -> {4}")
    @CsvSource({
            // New York 2026-03-08: 02:00-03:00 does not exist
            "America/New_York,    02:30, 21:00, 2026-03-08T06:59:59Z, 2026-03-08T07:00:00Z",
            "America/New_York,    02:30, 21:00, 2026-03-08T02:00:00Z, 2026-03-08T07:00:00Z",
            "America/New_York,    02:00, 21:00, 2026-03-08T06:30:00Z, 2026-03-08T07:00:00Z",
            "America/New_York,    02:30, 21:00, 2026-03-09T01:00:00Z, 2026-03-09T06:30:00Z",
            // Lord Howe 2026-10-04: 02:00-02:30 does not exist
            "Australia/Lord_Howe, 02:15, 21:00, 2026-10-03T15:00:00Z, 2026-10-03T15:30:00Z",
            // New York 2026-11-01: 01:00-02:00 happens twice
            "America/New_York,    01:30, 21:00, 2026-11-01T05:00:00Z, 2026-11-01T05:30:00Z",
            "America/New_York,    01:30, 21:00, 2026-11-01T06:15:00Z, 2026-11-01T06:30:00Z",
            // Lord Howe 2026-04-05: 01:30-02:00 happens twice
            "Australia/Lord_Howe, 01:45, 21:00, 2026-04-04T14:35:00Z, 2026-04-04T14:45:00Z",
            "Australia/Lord_Howe, 01:45, 21:00, 2026-04-04T15:05:00Z, 2026-04-04T15:15:00Z"})
    void aWindowOpeningInADstChangeOpensAtTheFirstAllowedInstant(String zone, LocalTime from, LocalTime until,
                                                                 Instant now, Instant expected) {
        QuietHours window = new QuietHours(from, until);
        ZoneId request = request(zone);

        Decision.Defer defer = assertInstanceOf(Decision.Defer.class, window.decide(request, now));

        assertEquals(expected, defer.until());
        assertOpensExactlyAt(window, request, now, defer.until());
    }

    @ParameterizedTest(name = "{0}-{1}")
    @CsvSource({"08:00, 08:00", "21:00, 08:00", "23:59, 00:00"})
    void refusesAWindowThatDoesNotStartBeforeItEnds(LocalTime from, LocalTime until) {
        assertThrows(IllegalArgumentException.class, () -> new QuietHours(from, until));
    }

    /** The deferral is in the future, contact is allowed at it and still not allowed a second before it. */
    private static void assertOpensExactlyAt(QuietHours window, ZoneId request, Instant now, Instant until) {
        assertTrue(until.isAfter(now), "deferred to " + until + ", not after " + now);
        assertInstanceOf(Decision.Allow.class, window.decide(request, until), "allowed at " + until);
        Instant justBefore = until.minusSeconds(1);
        if (!justBefore.isBefore(now)) {
            assertInstanceOf(Decision.Defer.class, window.decide(request, justBefore),
                    "not yet allowed at " + justBefore);
        }
    }
}
