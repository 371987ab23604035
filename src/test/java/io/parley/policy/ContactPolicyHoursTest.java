package io.parley.policy;

import static io.parley.policy.DecisionAssertions.assertExact;
import static io.parley.policy.DecisionAssertions.assertJsonSafe;
import static io.parley.policy.PolicyFixtures.policy;
import static io.parley.policy.PolicyFixtures.voice;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Contact hours in every candidate zone at their edges, across DST changes, for each pack shape: a call is allowed
 * exactly inside the window and otherwise deferred to the exact instant it opens in every zone.
 */
class ContactPolicyHoursTest {
    @ParameterizedTest(name = "{0} in {1} at {2} -> allowed")
    @CsvSource({
            // US 08:00-21:00, New York winter (-05:00)
            "us-regf, America/New_York, 2026-01-15T13:00:00Z",
            "us-regf, America/New_York, 2026-01-16T01:59:59Z",
            // WA alone opens at 07:30 Los Angeles time (-08:00)
            "us-wa, America/Los_Angeles, 2026-01-15T15:30:00Z",
            // CN 08:00-22:00 Shanghai (+08:00)
            "cn, Asia/Shanghai, 2026-06-02T00:00:00Z",
            "cn, Asia/Shanghai, 2026-06-02T13:59:59Z",
            // New York DST days
            "us-regf, America/New_York, 2026-03-08T12:00:00Z",
            "us-regf, America/New_York, 2026-03-09T00:59:59Z",
            "us-regf, America/New_York, 2026-11-01T13:00:00Z",
            "us-regf, America/New_York, 2026-11-02T01:59:59Z",
            // Lord Howe (30-minute DST)
            "us-regf, Australia/Lord_Howe, 2026-04-04T21:30:00Z",
            "us-regf, Australia/Lord_Howe, 2026-10-04T09:59:59Z",
            // Los Angeles address and New York mobile: 11:00-21:00 New York time
            "us-regf, America/Los_Angeles|America/New_York, 2026-01-15T16:00:00Z",
            "us-regf, America/Los_Angeles|America/New_York, 2026-01-16T01:59:59Z",
            // Indiana: Chicago and Indianapolis: 08:00 Chicago to 21:00 Indianapolis
            "us-regf, America/Chicago|America/Indiana/Indianapolis, 2026-01-15T14:00:00Z",
            "us-regf, America/Chicago|America/Indiana/Indianapolis, 2026-01-16T01:59:59Z",
            // no pack lists hours for the whole day: midnight and the last nanosecond of the day
            "all-day, America/New_York, 2026-01-15T05:00:00Z",
            "all-day, America/New_York, 2026-01-16T04:59:59.999999999Z"})
    void allowsInsideTheHoursInEveryZone(String packs, String zones, Instant now) {
        Decision decision = policy(packs, zones).decide(voice().request(), now);

        Decision.Allow allow = assertInstanceOf(Decision.Allow.class, decision, decision.reasons().toString());
        assertEquals("policy", allow.rule());
        assertEquals(zones.split("\\|").length + 1, allow.reasons().size(), allow.reasons().toString());
    }

    @ParameterizedTest(name = "{0} in {1} at {2} -> {3} by {4}")
    @CsvSource({
            "us-regf, America/New_York, 2026-01-15T12:59:59Z, 2026-01-15T13:00:00Z, us-regf/voice/hours",
            "us-regf, America/New_York, 2026-01-16T02:00:00Z, 2026-01-16T13:00:00Z, us-regf/voice/hours",
            // WA 07:30 alone; with Reg F the later start (08:00) wins
            "us-wa, America/Los_Angeles, 2026-01-15T15:29:59Z, 2026-01-15T15:30:00Z, us-wa/voice/hours",
            "us-regf+us-wa, America/Los_Angeles, 2026-01-15T15:30:00Z, 2026-01-15T16:00:00Z, us-regf/voice/hours",
            "cn, Asia/Shanghai, 2026-06-02T14:00:00Z, 2026-06-03T00:00:00Z, cn/voice/hours",
            "cn, Asia/Shanghai, 2026-06-01T23:59:59Z, 2026-06-02T00:00:00Z, cn/voice/hours",
            // New York spring forward 2026-03-08: to 08:00 EDT, one hour less than a day after 21:00 EST
            "us-regf, America/New_York, 2026-03-08T02:00:00Z, 2026-03-08T12:00:00Z, us-regf/voice/hours",
            "us-regf, America/New_York, 2026-03-08T06:59:59Z, 2026-03-08T12:00:00Z, us-regf/voice/hours",
            "us-regf, America/New_York, 2026-03-08T07:00:00Z, 2026-03-08T12:00:00Z, us-regf/voice/hours",
            // New York fall back 2026-11-01: both 01:30s defer to 08:00 EST, never 07:00 EST
            "us-regf, America/New_York, 2026-11-01T05:30:00Z, 2026-11-01T13:00:00Z, us-regf/voice/hours",
            "us-regf, America/New_York, 2026-11-01T06:30:00Z, 2026-11-01T13:00:00Z, us-regf/voice/hours",
            "us-regf, America/New_York, 2026-11-01T12:59:59Z, 2026-11-01T13:00:00Z, us-regf/voice/hours",
            // a window opening inside the gap opens at its end; one opening in the repeated hour at its first
            // occurrence not already past
            "opens-0230, America/New_York, 2026-03-08T06:59:59Z, 2026-03-08T07:00:00Z, opens-0230/voice/hours",
            "opens-0130, America/New_York, 2026-11-01T05:00:00Z, 2026-11-01T05:30:00Z, opens-0130/voice/hours",
            "opens-0130, America/New_York, 2026-11-01T06:15:00Z, 2026-11-01T06:30:00Z, opens-0130/voice/hours",
            // Asia/Shanghai has no DST
            "us-regf, Asia/Shanghai, 2026-06-01T23:59:59Z, 2026-06-02T00:00:00Z, us-regf/voice/hours",
            // Lord Howe fall back 2026-04-05 (02:00 +11:00 -> 01:30 +10:30) and spring forward 2026-10-04
            "us-regf, Australia/Lord_Howe, 2026-04-04T14:45:00Z, 2026-04-04T21:30:00Z, us-regf/voice/hours",
            "us-regf, Australia/Lord_Howe, 2026-04-04T15:15:00Z, 2026-04-04T21:30:00Z, us-regf/voice/hours",
            "us-regf, Australia/Lord_Howe, 2026-10-03T15:30:00Z, 2026-10-03T21:00:00Z, us-regf/voice/hours",
            "us-regf, Australia/Lord_Howe, 2026-10-04T10:00:00Z, 2026-10-04T21:00:00Z, us-regf/voice/hours",
            // Los Angeles address and New York mobile: 08:00 LA is 11:00 NY; 21:00 NY closes it
            "us-regf, America/Los_Angeles|America/New_York, 2026-01-15T15:59:59Z, 2026-01-15T16:00:00Z, us-regf/voice/hours",
            "us-regf, America/Los_Angeles|America/New_York, 2026-01-15T13:00:00Z, 2026-01-15T16:00:00Z, us-regf/voice/hours",
            "us-regf, America/Los_Angeles|America/New_York, 2026-01-16T02:00:00Z, 2026-01-16T16:00:00Z, us-regf/voice/hours",
            // Indiana: 08:00 Chicago is 09:00 Indianapolis; 21:00 Indianapolis is 20:00 Chicago
            "us-regf, America/Chicago|America/Indiana/Indianapolis, 2026-01-15T13:59:59Z, 2026-01-15T14:00:00Z, us-regf/voice/hours",
            "us-regf, America/Chicago|America/Indiana/Indianapolis, 2026-01-16T02:00:00Z, 2026-01-16T14:00:00Z, us-regf/voice/hours",
            // no contact on Sundays: to Monday 08:00 (hours decide last, the day is among the rules that deferred)
            "no-sunday, America/New_York, 2026-01-18T15:00:00Z, 2026-01-19T13:00:00Z, no-sunday/voice/hours",
            "no-sunday, America/New_York, 2026-01-18T02:00:00Z, 2026-01-19T13:00:00Z, no-sunday/voice/hours"})
    void defersToTheExactOpeningInEveryZone(String packs, String zones, Instant now, Instant until, String rule) {
        ContactPolicy policy = policy(packs, zones);
        ContactRequest request = voice().request();

        Decision.Defer defer = assertInstanceOf(Decision.Defer.class, policy.decide(request, now));

        assertAll(
                () -> assertEquals(until, defer.until()),
                () -> assertEquals(rule, defer.rule()),
                () -> assertEquals(until.toString(), defer.facts().get("until")),
                () -> assertTrue(defer.reasons().get(0).contains("contact hours")
                        || defer.reasons().get(0).contains("no contact on"), defer.reasons().toString()));
        assertExact(policy, request, now, defer);
        assertJsonSafe(defer.facts(), "facts");
    }

    @Test
    void aNoContactDayIsNamedAmongTheRulesThatDeferred() {
        Decision.Defer defer = assertInstanceOf(Decision.Defer.class,
                policy("no-sunday", "America/New_York").decide(voice().request(), Instant.parse("2026-01-18T15:00:00Z")));

        assertEquals(List.of("no-sunday/voice/no-contact-day", "no-sunday/voice/hours"), defer.facts().get("deferredBy"));
        assertEquals(Map.of("sunday", "no-sunday"), defer.facts().get("noContactDays"));
        assertTrue(defer.reasons().get(0).contains("no contact on Sunday"), defer.reasons().toString());
    }

    @Test
    void explainsTheZonesAndTheHoursWithThePacksDecidingEachEnd() {
        Instant now = Instant.parse("2026-01-15T15:59:59Z");

        Decision.Defer defer = assertInstanceOf(Decision.Defer.class, policy("us-wa+us-regf",
                "America/Los_Angeles|America/New_York").decide(voice().request(), now));

        Map<String, Object> facts = defer.facts();
        assertAll(
                () -> assertEquals(List.of("us-wa", "us-regf"), facts.get("packs")),
                () -> assertEquals("voice", facts.get("channel")),
                () -> assertEquals("08:00-21:00", facts.get("hours")),
                () -> assertEquals(Map.of("from", "us-regf", "until", "us-wa"), facts.get("hoursSetBy")),
                () -> assertEquals(List.of(
                        Map.of("zone", "America/Los_Angeles", "source", "address",
                                "localTime", "2026-01-15T07:59:59", "untilLocalTime", "2026-01-15T08:00"),
                        Map.of("zone", "America/New_York", "source", "phone +1212***",
                                "localTime", "2026-01-15T10:59:59", "untilLocalTime", "2026-01-15T11:00")),
                        facts.get("zones")),
                () -> assertEquals("2026-01-15T16:00:00Z", facts.get("until")),
                () -> assertEquals(List.of("us-regf/voice/hours"), facts.get("deferredBy")),
                () -> assertEquals(Map.of("days", 7L, "pack", "us-regf"), facts.get("lockout")),
                () -> assertTrue(defer.reasons().get(0).contains("Thu 2026-01-15 07:59:59 -08:00 in America/Los_Angeles"),
                        defer.reasons().get(0)),
                () -> assertTrue(defer.reasons().get(0).contains("allowed there from Thu 2026-01-15 08:00:00 -08:00"),
                        defer.reasons().get(0)),
                () -> assertTrue(defer.reasons().contains("debtor zone America/New_York (phone +1212***): local time "
                        + "Thu 2026-01-15 10:59:59 -05:00, deferred to Thu 2026-01-15 11:00:00 -05:00"),
                        defer.reasons().toString()));
        assertJsonSafe(facts, "facts");
    }
}
