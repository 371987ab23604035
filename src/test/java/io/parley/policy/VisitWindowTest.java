package io.parley.policy;

import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.Debtor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.parley.policy.ShippedPacksTest.DEBTORS;
import static io.parley.policy.ShippedPacksTest.LOCAL;
import static io.parley.policy.ShippedPacksTest.NEW_YORK;
import static io.parley.policy.ShippedPacksTest.POLICY;
import static io.parley.policy.ShippedPacksTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A field visit under the shipped packs: allowed or deferred like any contact, and its lawful window from the
 * instant allowed until the first one a rule no longer holds in some candidate zone. Packs with visit rules use
 * them (us-regf 08:00-21:00, cn 09:00-20:00); packs without use their contact hours (uk-fca's, no Sundays; the
 * default's). Times are the wall clock of the debtor's zone (New York's for the Los Angeles debtor with a New York
 * mobile).
 */
class VisitWindowTest {

    /** The debtor with their postal address as a visit's contact point, as an enrollment gives it. */
    static Debtor visited(String key) {
        Debtor d = DEBTORS.get(key);
        List<ContactPoint> points = new ArrayList<>(d.contactPoints());
        points.add(new ContactPoint(Channel.VISIT, d.address().postalLine(), Channel.VISIT.format().defaultType(),
                false));
        return new Debtor(d.id(), d.name(), d.locale(), d.timeZone(), d.address(), points);
    }

    static ContactRequest visit(Debtor debtor, ContactPreferences preferences, PastContact... past) {
        ContactPoint point = debtor.contactPoints().stream().filter(p -> p.channel() == Channel.VISIT).findFirst()
                .orElseThrow();
        return new ContactRequest("case-1", debtor, Channel.VISIT, point, TemplateTraits.ordinary(), List.of(),
                new ContactHistory(List.of(past)), preferences, ContactRequest.BorrowerReach.reachable());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> window(Decision decision) {
        return (Map<String, Object>) decision.facts().get("window");
    }

    @ParameterizedTest(name = "{0} at {1} -> {2} {3}, window {4} .. {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "NY    | 2026-01-15T13:00       | allow | policy               | 2026-01-15T13:00       | 2026-01-15T21:00",
            "NY    | 2026-01-15T07:00       | defer | us-regf/visit/hours  | 2026-01-15T08:00       | 2026-01-15T21:00",
            "NY    | 2026-01-15T21:00       | defer | us-regf/visit/hours  | 2026-01-16T08:00       | 2026-01-16T21:00",
            // two zones: 08:00 in Los Angeles is 11:00 in New York; New York closes first
            "CA+NY | 2026-01-15T10:00       | defer | us-regf/visit/hours  | 2026-01-15T11:00       | 2026-01-15T21:00",
            "CA+NY | 2026-01-15T12:30       | allow | policy               | 2026-01-15T12:30       | 2026-01-15T21:00",
            // the day clocks spring forward in New York
            "NY    | 2026-03-08T07:00-04:00 | defer | us-regf/visit/hours  | 2026-03-08T08:00-04:00 | 2026-03-08T21:00-04:00",
            "CN    | 2026-06-02T08:30       | defer | cn/visit/hours       | 2026-06-02T09:00       | 2026-06-02T20:00",
            "CN    | 2026-06-02T19:59       | allow | policy               | 2026-06-02T19:59       | 2026-06-02T20:00",
            // uk-fca lists no visit rules: its contact hours, and no Sundays
            "GB    | 2026-01-17T12:00       | allow | policy               | 2026-01-17T12:00       | 2026-01-17T21:00",
            "GB    | 2026-01-18T12:00       | defer | uk-fca/visit/hours  | 2026-01-19T08:00       | 2026-01-19T21:00",
            "FR    | 2026-01-15T10:00       | allow | policy               | 2026-01-15T10:00       | 2026-01-15T20:00"})
    void theWindowRunsWhileEveryRuleHoldsInEveryZone(String key, String now, String outcome, String rule,
                                                      String from, String until) {
        ZoneId zone = LOCAL.get(key);
        Decision decision = POLICY.decide(visit(visited(key), ContactPreferences.none()), at(zone, now));
        String why = decision.outcome() + " by " + decision.rule() + ": " + decision.reasons();
        assertEquals(outcome, decision.outcome(), why);
        assertEquals(rule, decision.rule(), why);
        assertEquals(at(zone, from).toString(), window(decision).get("from"), why);
        assertEquals(at(zone, until).toString(), window(decision).get("until"), why);
    }

    @Test
    void anInconvenientTimeEndsTheWindowEarly() {
        ContactPreferences busy = new ContactPreferences(false, Set.of(), List.of(new InconvenientTime(
                EnumSet.allOf(DayOfWeek.class), LocalTime.of(17, 0), LocalTime.of(18, 0), Set.of(Channel.VISIT))));
        Decision decision = POLICY.decide(visit(visited("NY"), busy), at(NEW_YORK, "2026-01-15T13:00"));
        assertEquals(at(NEW_YORK, "2026-01-15T17:00").toString(), window(decision).get("until"));
    }

    @Test
    void aVisitThatCannotHappenWithinTheHorizonIsSuppressedWithItsReason() {
        ContactPreferences never = new ContactPreferences(false, Set.of(), List.of(new InconvenientTime(
                EnumSet.allOf(DayOfWeek.class), LocalTime.of(7, 0), LocalTime.of(22, 0), Set.of(Channel.VISIT))));
        Decision decision = POLICY.decide(visit(visited("NY"), never), at(NEW_YORK, "2026-01-15T13:00"));
        assertEquals("suppress", decision.outcome(), decision.reasons().toString());
        assertEquals(ContactPolicy.NO_ALLOWED_TIME, decision.rule());
        assertEquals(null, window(decision));
    }

    @Test
    void aSecondVisitWithinAWeekWaitsForTheCapAndAReachedVisitLocksOutCalls() {
        Debtor ny = visited("NY");
        String address = ny.address().postalLine();
        PastContact reached = new PastContact("case-1", Channel.VISIT, address, Channel.VISIT.format().defaultType(),
                at(NEW_YORK, "2026-01-13T15:00"), Set.of(ContactKind.VISIT, ContactKind.VISIT_REACHED));
        Decision again = POLICY.decide(visit(ny, ContactPreferences.none(), reached), at(NEW_YORK, "2026-01-15T13:00"));
        assertEquals("defer", again.outcome(), again.reasons().toString());
        assertEquals(at(NEW_YORK, "2026-01-20T15:00"), ((Decision.Defer) again).until(), again.reasons().toString());

        String mobile = ny.contactPoints().stream().filter(p -> p.channel() == Channel.VOICE).findFirst().orElseThrow()
                .address();
        Decision call = POLICY.decide(ShippedPacksTest.attempt(ny, Channel.VOICE, mobile).after(reached).request(),
                at(NEW_YORK, "2026-01-15T13:00"));
        assertEquals(true, ((List<?>) call.facts().get("deferredBy")).contains("us-regf/voice/lockout"),
                call.reasons().toString());
        assertEquals(at(NEW_YORK, "2026-01-20T08:00"), ((Decision.Defer) call).until());
    }
}
