package io.parley.policy;

import static io.parley.policy.DecisionAssertions.assertExact;
import static io.parley.policy.DecisionAssertions.assertJsonSafe;
import static io.parley.policy.DecisionAssertions.assertNoAddress;
import static io.parley.policy.PolicyFixtures.MOBILE;
import static io.parley.policy.PolicyFixtures.WORK;
import static io.parley.policy.PolicyFixtures.call;
import static io.parley.policy.PolicyFixtures.policy;
import static io.parley.policy.PolicyFixtures.voice;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.domain.Channel;
import io.parley.domain.ContactType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Caps over rolling windows, the lockout after a conversation and the debtor's inconvenient times, at their edges:
 * each defers to exactly the first instant every rule allows.
 */
class ContactPolicyLimitsTest {
    private static final String NY = "America/New_York";

    /** Six calls about case-1, one a day at 10:00 New York time from 2026-01-09, after the given first one. */
    private static PolicyFixtures.Attempt sevenCallsFirstAt(Instant first) {
        List<PastContact> calls = new ArrayList<>();
        calls.add(call("case-1", MOBILE, ContactType.MOBILE, first));
        for (int day = 0; day < 6; day++) {
            calls.add(call("case-1", MOBILE, ContactType.MOBILE, Instant.parse("2026-01-09T15:00:00Z")
                    .plus(Duration.ofDays(day))));
        }
        return voice().after(calls.toArray(PastContact[]::new));
    }

    static Stream<Arguments> regFSevenInSeven() {
        Instant first = Instant.parse("2026-01-08T15:00:00Z");
        return Stream.of(
                // 7 calls in the rolling 7 days: to exactly the oldest + 7 days
                Arguments.of("7 calls, a second before the oldest leaves", sevenCallsFirstAt(first),
                        Instant.parse("2026-01-15T14:59:59Z"), Instant.parse("2026-01-15T15:00:00Z"),
                        "us-regf/voice/7-in-7"),
                Arguments.of("7 calls, when the oldest has left", sevenCallsFirstAt(first),
                        Instant.parse("2026-01-15T15:00:00Z"), null, "policy"),
                Arguments.of("calls about another case do not count", sevenCallsFirstAt(first).caseId("case-2"),
                        Instant.parse("2026-01-15T14:59:59Z"), null, "policy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regFSevenInSeven")
    void regulationFAllowsSevenCallsInSevenDaysPerDebt(String title, PolicyFixtures.Attempt attempt, Instant now,
                                                       Instant until, String rule) {
        assertDecision(policy("us-regf", NY), attempt.request(), now, until, rule);
    }

    @Test
    void sevenInSevenAcrossSpringForwardLandsAtNightThenMorning() {
        List<PastContact> calls = new ArrayList<>();
        calls.add(call("case-1", MOBILE, ContactType.MOBILE, Instant.parse("2026-03-02T01:30:00Z")));
        for (int day = 0; day < 6; day++) {
            calls.add(call("case-1", MOBILE, ContactType.MOBILE,
                    Instant.parse("2026-03-02T15:00:00Z").plus(Duration.ofDays(day))));
        }
        ContactRequest request = voice().after(calls.toArray(PastContact[]::new)).request();
        ContactPolicy policy = policy("us-regf", NY);
        Instant now = Instant.parse("2026-03-08T23:00:00Z");

        Decision.Defer defer = assertInstanceOf(Decision.Defer.class, policy.decide(request, now));

        // the oldest (20:30 EST on 03-01) leaves at 21:30 EDT on 03-08, after hours: 08:00 EDT on 03-09
        assertEquals(Instant.parse("2026-03-09T12:00:00Z"), defer.until());
        assertEquals("us-regf/voice/hours", defer.rule());
        assertEquals(List.of("us-regf/voice/7-in-7", "us-regf/voice/hours"), defer.facts().get("deferredBy"));
        assertEquals(List.of(Map.of("id", "us-regf/voice/7-in-7", "counted", 7, "max", 7, "window", "P7D",
                "scope", "debt")), defer.facts().get("caps"));
        assertExact(policy, request, now, defer);
    }

    static Stream<Arguments> lockout() {
        // day 1: Monday 2026-01-12, conversation at 15:00 New York time; day 8 is Monday 2026-01-19
        PastContact conversation = call("case-1", MOBILE, ContactType.MOBILE, Instant.parse("2026-01-12T20:00:00Z"),
                ContactKind.CALL_CONNECTED);
        return Stream.of(
                Arguments.of("day 7 at 15:00", "us-regf", NY, voice().after(conversation),
                        Instant.parse("2026-01-18T20:00:00Z"), Instant.parse("2026-01-19T13:00:00Z"),
                        "us-regf/voice/hours", "us-regf/voice/lockout+us-regf/voice/hours"),
                Arguments.of("day 7 at 23:00 is not yet day 8", "us-regf", NY, voice().after(conversation),
                        Instant.parse("2026-01-19T04:00:00Z"), Instant.parse("2026-01-19T13:00:00Z"),
                        "us-regf/voice/hours", "us-regf/voice/hours"),
                Arguments.of("day 8 at 08:00", "us-regf", NY, voice().after(conversation),
                        Instant.parse("2026-01-19T13:00:00Z"), null, "policy", ""),
                Arguments.of("without hours, the start of day 8", "lockout-only", NY, voice().after(conversation),
                        Instant.parse("2026-01-19T04:00:00Z"), Instant.parse("2026-01-19T05:00:00Z"),
                        "lockout-only/voice/lockout", "lockout-only/voice/lockout"),
                Arguments.of("a conversation about another case", "lockout-only", NY,
                        voice().caseId("case-2").after(conversation), Instant.parse("2026-01-13T04:00:00Z"), null,
                        "policy", ""),
                Arguments.of("an unanswered call is no conversation", "lockout-only", NY,
                        voice().after(call("case-1", MOBILE, ContactType.MOBILE, Instant.parse("2026-01-12T20:00:00Z"),
                                ContactKind.CALL_UNANSWERED)), Instant.parse("2026-01-13T04:00:00Z"), null, "policy", ""),
                // 01:30 on the 12th in New York but 22:30 on the 11th in Los Angeles: day 8 begins later in New
                // York, and that is when calls may resume
                Arguments.of("the latest day 8 of every zone", "lockout-only", "America/Los_Angeles|" + NY,
                        voice().after(call("case-1", MOBILE, ContactType.MOBILE, Instant.parse("2026-01-12T06:30:00Z"),
                                ContactKind.CALL_CONNECTED)), Instant.parse("2026-01-18T12:00:00Z"),
                        Instant.parse("2026-01-19T05:00:00Z"), "lockout-only/voice/lockout",
                        "lockout-only/voice/lockout"));
    }

    @ParameterizedTest(name = "lockout: {0}")
    @MethodSource("lockout")
    void noCallForSevenDaysAfterAConversationCountingItsDayAsDayOne(String title, String packs, String zones,
                                                                    PolicyFixtures.Attempt attempt, Instant now,
                                                                    Instant until, String rule,
                                                                    String deferredBy) {
        Decision decision = assertDecision(policy(packs, zones), attempt.request(), now, until, rule);
        @SuppressWarnings("unchecked")
        Map<String, Object> lockout = (Map<String, Object>) decision.facts().get("lockout");
        assertEquals(7L, lockout.get("days"));
        if (until != null) {
            assertEquals(List.of(deferredBy.split("\\+")), decision.facts().get("deferredBy"));
            // day 8 begins at 00:00 New York time on 2026-01-19 in every case that defers
            assertEquals("2026-01-19T05:00:00Z", lockout.get("callsAllowedFrom"));
        }
    }

    static Stream<Arguments> perPersonAndPerPoint() {
        Instant now = Instant.parse("2026-01-14T15:00:00Z");
        return Stream.of(
                // MA: 2 calls per 7 days per person, across the debtor's cases
                Arguments.of("MA: two calls on two cases", "us-regf+us-ma", NY, voice().caseId("case-1").after(
                                call("case-1", MOBILE, ContactType.MOBILE, Instant.parse("2026-01-12T15:00:00Z")),
                                call("case-2", MOBILE, ContactType.MOBILE, Instant.parse("2026-01-13T15:00:00Z"))),
                        now, Instant.parse("2026-01-19T15:00:00Z"), "us-ma/voice/2-in-7"),
                Arguments.of("MA: one call on another case", "us-regf+us-ma", NY, voice().caseId("case-1").after(
                                call("case-2", MOBILE, ContactType.MOBILE, Instant.parse("2026-01-13T15:00:00Z"))),
                        now, null, "policy"),
                // WA: one call a week to a work phone; calls to the mobile are not capped by it
                Arguments.of("WA: a second work call", "us-regf+us-wa", "America/Los_Angeles",
                        voice().to(WORK, ContactType.WORK).after(
                                call("case-1", WORK, ContactType.WORK, Instant.parse("2026-01-12T18:00:00Z"))),
                        Instant.parse("2026-01-14T18:00:00Z"), Instant.parse("2026-01-19T18:00:00Z"),
                        "us-wa/voice/work-weekly"),
                Arguments.of("WA: a mobile call after a work call", "us-regf+us-wa", "America/Los_Angeles",
                        voice().after(call("case-1", WORK, ContactType.WORK, Instant.parse("2026-01-12T18:00:00Z"))),
                        Instant.parse("2026-01-14T18:00:00Z"), null, "policy"),
                Arguments.of("WA: a work call after mobile calls", "us-regf+us-wa", "America/Los_Angeles",
                        voice().to(WORK, ContactType.WORK).after(
                                call("case-1", MOBILE, ContactType.MOBILE, Instant.parse("2026-01-12T18:00:00Z")),
                                call("case-1", MOBILE, ContactType.MOBILE, Instant.parse("2026-01-13T18:00:00Z"))),
                        Instant.parse("2026-01-14T18:00:00Z"), null, "policy"),
                // CN: 6 unanswered calls a day to one number; another number is still allowed
                Arguments.of("CN: a 7th unanswered call to one number", "cn", "Asia/Shanghai",
                        voice().to("+8613800000001", ContactType.MOBILE).after(sixUnanswered("+8613800000001")),
                        Instant.parse("2026-06-02T07:00:00Z"), Instant.parse("2026-06-03T01:00:00Z"),
                        "cn/voice/unanswered-daily"),
                Arguments.of("CN: another number", "cn", "Asia/Shanghai",
                        voice().to("+8613800000002", ContactType.HOME).after(sixUnanswered("+8613800000001")),
                        Instant.parse("2026-06-02T07:00:00Z"), null, "policy"),
                Arguments.of("CN: answered calls do not count", "cn", "Asia/Shanghai",
                        voice().to("+8613800000001", ContactType.MOBILE).after(sixAnswered("+8613800000001")),
                        Instant.parse("2026-06-02T07:00:00Z"), null, "policy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("perPersonAndPerPoint")
    void capsCountPerDebtPersonOrContactPoint(String title, String packs, String zones, PolicyFixtures.Attempt attempt,
                                               Instant now, Instant until, String rule) {
        Decision decision = assertDecision(policy(packs, zones), attempt.request(), now, until, rule);
        assertNoAddress(decision, attempt.request().contact().address());
    }

    private static PastContact[] sixUnanswered(String number) {
        return Stream.iterate(Instant.parse("2026-06-02T01:00:00Z"), at -> at.plus(Duration.ofHours(1))).limit(6)
                .map(at -> call("case-1", number, ContactType.MOBILE, at, ContactKind.CALL_UNANSWERED))
                .toArray(PastContact[]::new);
    }

    private static PastContact[] sixAnswered(String number) {
        return Stream.iterate(Instant.parse("2026-06-02T01:00:00Z"), at -> at.plus(Duration.ofHours(1))).limit(6)
                .map(at -> call("case-1", number, ContactType.MOBILE, at, ContactKind.CALL_CONNECTED))
                .toArray(PastContact[]::new);
    }

    static Stream<Arguments> inconvenientTimes() {
        InconvenientTime lunch = new InconvenientTime(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), LocalTime.NOON, LocalTime.of(13, 0),
                Set.of(Channel.VOICE));
        InconvenientTime fridayNight = new InconvenientTime(Set.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0),
                LocalTime.of(7, 0), Set.of());
        return Stream.of(
                Arguments.of("Monday 12:00", "us-regf", lunch, Channel.VOICE, Instant.parse("2026-01-12T17:00:00Z"),
                        Instant.parse("2026-01-12T18:00:00Z"), Constraints.INCONVENIENT),
                Arguments.of("Monday 12:59:59", "us-regf", lunch, Channel.VOICE,
                        Instant.parse("2026-01-12T17:59:59Z"), Instant.parse("2026-01-12T18:00:00Z"),
                        Constraints.INCONVENIENT),
                Arguments.of("Monday 13:00", "us-regf", lunch, Channel.VOICE, Instant.parse("2026-01-12T18:00:00Z"),
                        null, "policy"),
                Arguments.of("Saturday 12:30", "us-regf", lunch, Channel.VOICE, Instant.parse("2026-01-17T17:30:00Z"),
                        null, "policy"),
                Arguments.of("Monday 12:30 by SMS", "us-regf", lunch, Channel.SMS,
                        Instant.parse("2026-01-12T17:30:00Z"), null, "policy"),
                // wrapping past midnight: Friday 22:00 to Saturday 07:00
                Arguments.of("Saturday 06:59", "all-day", fridayNight, Channel.VOICE,
                        Instant.parse("2026-01-17T11:59:00Z"), Instant.parse("2026-01-17T12:00:00Z"),
                        Constraints.INCONVENIENT),
                Arguments.of("Friday 22:00", "all-day", fridayNight, Channel.VOICE,
                        Instant.parse("2026-01-17T03:00:00Z"), Instant.parse("2026-01-17T12:00:00Z"),
                        Constraints.INCONVENIENT),
                Arguments.of("Saturday 23:00", "all-day", fridayNight, Channel.VOICE,
                        Instant.parse("2026-01-18T04:00:00Z"), null, "policy"),
                Arguments.of("Thursday 23:00", "all-day", fridayNight, Channel.VOICE,
                        Instant.parse("2026-01-16T04:00:00Z"), null, "policy"));
    }

    @ParameterizedTest(name = "inconvenient: {0}")
    @MethodSource("inconvenientTimes")
    void respectsTheDebtorsInconvenientTimes(String title, String packs, InconvenientTime time, Channel channel,
                                             Instant now, Instant until, String rule) {
        PolicyFixtures.Attempt attempt = voice().to(channel, MOBILE, ContactType.MOBILE, false)
                .preferences(new ContactPreferences(false, Set.of(), List.of(time)));
        assertDecision(policy(packs, NY), attempt.request(), now, until, rule);
    }

    /** Allowed when until is null; otherwise deferred to exactly until by the rule. */
    private static Decision assertDecision(ContactPolicy policy, ContactRequest request, Instant now, Instant until,
                                           String rule) {
        Decision decision = policy.decide(request, now);
        assertJsonSafe(decision.facts(), "facts");
        if (until == null) {
            assertInstanceOf(Decision.Allow.class, decision, decision.reasons().toString());
            assertEquals(rule, decision.rule());
            return decision;
        }
        Decision.Defer defer = assertInstanceOf(Decision.Defer.class, decision, decision.reasons().toString());
        assertAll(
                () -> assertEquals(until, defer.until(), defer.reasons().toString()),
                () -> assertEquals(rule, defer.rule(), defer.reasons().toString()));
        assertExact(policy, request, now, defer);
        return defer;
    }
}
