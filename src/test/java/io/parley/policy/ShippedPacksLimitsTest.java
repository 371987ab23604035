package io.parley.policy;

import static io.parley.policy.ShippedPacksTest.CN;
import static io.parley.policy.ShippedPacksTest.CN_MOBILE;
import static io.parley.policy.ShippedPacksTest.CN_SECOND;
import static io.parley.policy.ShippedPacksTest.FR;
import static io.parley.policy.ShippedPacksTest.FR_EMAIL;
import static io.parley.policy.ShippedPacksTest.GB;
import static io.parley.policy.ShippedPacksTest.GB_MOBILE;
import static io.parley.policy.ShippedPacksTest.LONDON;
import static io.parley.policy.ShippedPacksTest.LOS_ANGELES;
import static io.parley.policy.ShippedPacksTest.MA;
import static io.parley.policy.ShippedPacksTest.MA_MOBILE;
import static io.parley.policy.ShippedPacksTest.MA_WORK;
import static io.parley.policy.ShippedPacksTest.NEW_YORK;
import static io.parley.policy.ShippedPacksTest.NY;
import static io.parley.policy.ShippedPacksTest.NY_EMAIL;
import static io.parley.policy.ShippedPacksTest.NY_MOBILE;
import static io.parley.policy.ShippedPacksTest.PARIS;
import static io.parley.policy.ShippedPacksTest.SHANGHAI;
import static io.parley.policy.ShippedPacksTest.WA;
import static io.parley.policy.ShippedPacksTest.WA_MOBILE;
import static io.parley.policy.ShippedPacksTest.WA_WORK;
import static io.parley.policy.ShippedPacksTest.answeredCall;
import static io.parley.policy.ShippedPacksTest.assertDecides;
import static io.parley.policy.ShippedPacksTest.at;
import static io.parley.policy.ShippedPacksTest.attempt;
import static io.parley.policy.ShippedPacksTest.conversation;
import static io.parley.policy.ShippedPacksTest.email;
import static io.parley.policy.ShippedPacksTest.sms;
import static io.parley.policy.ShippedPacksTest.unansweredCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.domain.Channel;
import io.parley.domain.ContactType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The caps and the lockout of the shipped packs at their edges, over histories across the debtor's cases: the
 * attempt that would exceed a cap waits until exactly enough counted contacts have left the rolling window (and
 * then for the contact hours, if that is at night), and a lockout until the morning of the day after it ends.
 */
class ShippedPacksLimitsTest {
    /**
     * A scenario: the attempt, when it is decided, the outcome, the instant of a deferral (null otherwise), the rule
     * and, for a deferral, every rule that moved it in the order of their last move.
     */
    record Row(String title, ShippedPacksTest.Attempt attempt, Instant now, String outcome, Instant until,
               String rule, List<String> deferredBy) {
        @Override
        public String toString() {
            return title;
        }
    }

    static Row allow(String title, ShippedPacksTest.Attempt attempt, Instant now) {
        return new Row(title, attempt, now, "allow", null, "policy", List.of());
    }

    static Row defer(String title, ShippedPacksTest.Attempt attempt, Instant now, Instant until, String... rules) {
        return new Row(title, attempt, now, "defer", until, rules[rules.length - 1], List.of(rules));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"washington", "massachusetts", "regulationFSevenInSeven", "regulationFLockout"})
    void shippedLimitsAtTheirEdges(Row row) {
        Decision decision = assertDecides(row.attempt().request(), row.now(), row.outcome(), row.until(), row.rule());
        if (decision instanceof Decision.Defer) {
            assertEquals(row.deferredBy(), decision.facts().get("deferredBy"), decision.reasons().toString());
        }
    }

    // ---- Washington, RCW 19.16.250: 3 calls a week per person, once a week at the place of employment ------------

    private static Instant la(String local) {
        return at(LOS_ANGELES, local);
    }

    private static PastContact waCall(String caseId, String number, String local) {
        ContactType type = number.equals(WA_WORK) ? ContactType.WORK : ContactType.MOBILE;
        return unansweredCall(caseId, number, type, la(local));
    }

    static Stream<Row> washington() {
        PastContact[] threeToMobile = {waCall("case-1", WA_MOBILE, "2026-01-12T10:00"),
                waCall("case-1", WA_MOBILE, "2026-01-14T10:00"), waCall("case-1", WA_MOBILE, "2026-01-16T10:00")};
        PastContact[] threeAcrossCases = {waCall("case-1", WA_MOBILE, "2026-01-12T10:00"),
                waCall("case-2", WA_MOBILE, "2026-01-14T10:00"), waCall("case-3", WA_MOBILE, "2026-01-16T10:00")};
        PastContact oneToWork = waCall("case-1", WA_WORK, "2026-01-14T12:00");
        return Stream.of(
                defer("WA: 4th call in 7 days waits for the oldest + 7 days",
                        attempt(WA, Channel.VOICE, WA_MOBILE).after(threeToMobile), la("2026-01-18T12:00"),
                        la("2026-01-19T10:00"), "us-wa/voice/3-in-7"),
                defer("WA: 4th call a second before the oldest leaves",
                        attempt(WA, Channel.VOICE, WA_MOBILE).after(threeToMobile), la("2026-01-19T09:59:59"),
                        la("2026-01-19T10:00"), "us-wa/voice/3-in-7"),
                allow("WA: 4th call once the oldest has left",
                        attempt(WA, Channel.VOICE, WA_MOBILE).after(threeToMobile), la("2026-01-19T10:00")),
                defer("WA: 3-in-7 is per person, across cases",
                        attempt(WA, Channel.VOICE, WA_MOBILE).about("case-4").after(threeAcrossCases),
                        la("2026-01-18T12:00"), la("2026-01-19T10:00"), "us-wa/voice/3-in-7"),
                allow("WA: 3rd call in 7 days",
                        attempt(WA, Channel.VOICE, WA_MOBILE).after(threeToMobile[1], threeToMobile[2]),
                        la("2026-01-18T12:00")),
                defer("WA: 2nd call to the work phone in 7 days",
                        attempt(WA, Channel.VOICE, WA_WORK).after(oneToWork), la("2026-01-16T12:00"),
                        la("2026-01-21T12:00"), "us-wa/voice/work-1-in-7"),
                allow("WA: work call last week does not hold a call to the mobile",
                        attempt(WA, Channel.VOICE, WA_MOBILE).after(oneToWork), la("2026-01-16T12:00")),
                allow("WA: calls to the mobile do not count for the work cap",
                        attempt(WA, Channel.VOICE, WA_WORK).after(waCall("case-1", WA_MOBILE, "2026-01-15T12:00")),
                        la("2026-01-16T12:00")),
                defer("WA: 3 calls (2 mobile, 1 work) also hold a 4th to the work phone, by both caps",
                        attempt(WA, Channel.VOICE, WA_WORK).after(threeToMobile[1], threeToMobile[2], oneToWork),
                        la("2026-01-16T12:00"), la("2026-01-21T12:00"), "us-wa/voice/3-in-7",
                        "us-wa/voice/work-1-in-7"),
                allow("WA: texts are not capped by the WA pack",
                        attempt(WA, Channel.SMS, WA_MOBILE).after(threeToMobile), la("2026-01-18T12:00")));
    }

    // ---- Massachusetts, 940 CMR 7.04(1)(f): 2 calls (and texts) in 7 days per person ------------------------------

    private static Instant ny(String local) {
        return at(NEW_YORK, local);
    }

    static Stream<Row> massachusetts() {
        PastContact case1 = unansweredCall("case-1", MA_MOBILE, ContactType.MOBILE, ny("2026-01-12T10:00"));
        PastContact case2 = unansweredCall("case-2", MA_MOBILE, ContactType.MOBILE, ny("2026-01-14T10:00"));
        PastContact text = sms("case-2", MA_MOBILE, ContactType.MOBILE, ny("2026-01-14T10:00"));
        PastContact work1 = unansweredCall("case-1", MA_WORK, ContactType.WORK, ny("2025-12-22T10:00"));
        PastContact work2 = unansweredCall("case-1", MA_WORK, ContactType.WORK, ny("2026-01-01T10:00"));
        return Stream.of(
                defer("MA: 3rd call in 7 days after calls on two cases",
                        attempt(MA, Channel.VOICE, MA_MOBILE).after(case1, case2), ny("2026-01-15T12:00"),
                        ny("2026-01-19T10:00"), "us-ma/voice/2-in-7"),
                defer("MA: 3rd call about a third case",
                        attempt(MA, Channel.VOICE, MA_MOBILE).about("case-3").after(case1, case2),
                        ny("2026-01-15T12:00"), ny("2026-01-19T10:00"), "us-ma/voice/2-in-7"),
                allow("MA: 3rd call once the oldest has left",
                        attempt(MA, Channel.VOICE, MA_MOBILE).after(case1, case2), ny("2026-01-19T10:00")),
                allow("MA: 2nd call in 7 days", attempt(MA, Channel.VOICE, MA_MOBILE).after(case1),
                        ny("2026-01-15T12:00")),
                defer("MA: a text after 2 calls in 7 days",
                        attempt(MA, Channel.SMS, MA_MOBILE).after(case1, case2), ny("2026-01-15T12:00"),
                        ny("2026-01-19T10:00"), "us-ma/all/calls-and-texts-2-in-7"),
                defer("MA: a call after a call and a text in 7 days",
                        attempt(MA, Channel.VOICE, MA_MOBILE).after(case1, text), ny("2026-01-15T12:00"),
                        ny("2026-01-19T10:00"), "us-ma/all/calls-and-texts-2-in-7"),
                defer("MA: 3rd call to the work phone in 30 days",
                        attempt(MA, Channel.VOICE, MA_WORK).after(work1, work2), ny("2026-01-15T12:00"),
                        ny("2026-01-21T10:00"), "us-ma/all/work-2-in-30"),
                allow("MA: 2 work calls in 30 days do not hold the mobile",
                        attempt(MA, Channel.VOICE, MA_MOBILE).after(work1, work2), ny("2026-01-15T12:00")));
    }

    /**
     * 940 CMR 7.04(1)(f), as us-ma.yaml's own description reads it, counts text messages together with calls, and
     * allows two such communications in each 30 days to numbers other than the residence, cellular or personal
     * one: the pack's 30-day cap for those numbers (us-ma/all/work-2-in-30) counts and holds texts and calls alike.
     */
    static Stream<Row> massachusettsTextsToWork() {
        PastContact text1 = sms("case-1", MA_WORK, ContactType.WORK, ny("2025-12-22T10:00"));
        PastContact text2 = sms("case-1", MA_WORK, ContactType.WORK, ny("2026-01-01T10:00"));
        PastContact call1 = unansweredCall("case-1", MA_WORK, ContactType.WORK, ny("2025-12-22T10:00"));
        return Stream.of(
                new Row("MA: 3rd text to the work number in 30 days", attempt(MA, Channel.SMS, MA_WORK)
                        .after(text1, text2), ny("2026-01-15T12:00"), "defer", ny("2026-01-21T10:00"), null, null),
                new Row("MA: a call to the work number after a call and a text to it in 30 days",
                        attempt(MA, Channel.VOICE, MA_WORK).after(call1, text2), ny("2026-01-15T12:00"), "defer",
                        ny("2026-01-21T10:00"), null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("massachusettsTextsToWork")
    void massachusettsCountsTextsToWorkNumbersInTheThirtyDayLimit(Row row) {
        Decision decision = ShippedPacksTest.POLICY.decide(row.attempt().request(), row.now());
        Decision.Defer defer = assertInstanceOf(Decision.Defer.class, decision, decision.reasons().toString());
        assertEquals(row.until(), defer.until(), decision.reasons().toString());
        assertTrue(defer.rule().startsWith("us-ma/"), defer.rule());
    }

    // ---- Regulation F 1006.14(b)(2)(i)(A): 7 calls in 7 days per debt -------------------------------------------

    /** Calls about a case at 10:00 New York time on each of the given days (not ambiguous in January or March). */
    private static List<PastContact> dailyCalls(String caseId, String... days) {
        List<PastContact> calls = new ArrayList<>();
        for (String day : days) {
            calls.add(unansweredCall(caseId, NY_MOBILE, ContactType.MOBILE, ny(day + "T10:00")));
        }
        return calls;
    }

    private static final String[] WEEK = {"2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15", "2026-01-16",
            "2026-01-17", "2026-01-18"};

    static Stream<Row> regulationFSevenInSeven() {
        List<PastContact> seven = dailyCalls("case-1", WEEK);
        List<PastContact> sevenOther = dailyCalls("case-2", WEEK);
        // the oldest at 20:30 EST; a week later the clocks have sprung forward and it leaves at 21:30 EDT
        List<PastContact> lateOldest = new ArrayList<>(dailyCalls("case-1", "2026-03-04", "2026-03-05",
                "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"));
        lateOldest.add(unansweredCall("case-1", NY_MOBILE, ContactType.MOBILE, ny("2026-03-02T20:30-05:00")));
        return Stream.of(
                defer("Reg F: 8th call about a debt in 7 days waits for the oldest + P7D",
                        attempt(NY, Channel.VOICE, NY_MOBILE).after(seven), ny("2026-01-18T15:00"),
                        ny("2026-01-19T10:00"), "us-regf/voice/7-in-7"),
                allow("Reg F: 8th call once the oldest has left",
                        attempt(NY, Channel.VOICE, NY_MOBILE).after(seven), ny("2026-01-19T10:00")),
                allow("Reg F: 7th call about a debt in 7 days",
                        attempt(NY, Channel.VOICE, NY_MOBILE).after(seven.subList(1, 7)), ny("2026-01-18T15:00")),
                defer("Reg F: oldest + P7D at night (21:30 EDT after spring forward) -> the next 08:00",
                        attempt(NY, Channel.VOICE, NY_MOBILE).after(lateOldest), ny("2026-03-09T12:00-04:00"),
                        ny("2026-03-10T08:00-04:00"), "us-regf/voice/7-in-7", "us-regf/voice/hours"),
                allow("Reg F: 7 calls about another case of the same debtor do not count",
                        attempt(NY, Channel.VOICE, NY_MOBILE).after(sevenOther), ny("2026-01-18T15:00")),
                allow("Reg F: 6 calls on this case and 7 on another",
                        attempt(NY, Channel.VOICE, NY_MOBILE).after(seven.subList(1, 7)).after(sevenOther),
                        ny("2026-01-18T15:00")),
                defer("Reg F: 7 calls on each of two cases, then a text: the 16th contact of the person in 7 days",
                        attempt(NY, Channel.VOICE, NY_MOBILE).about("case-3").after(seven).after(sevenOther)
                                .after(sms("case-3", NY_MOBILE, ContactType.MOBILE, ny("2026-01-18T09:00"))),
                        ny("2026-01-18T15:00"), ny("2026-01-19T10:00"), "us-regf/all/contacts-per-week"),
                allow("Reg F: 7 calls on each of two cases: the 15th contact of the person in 7 days",
                        attempt(NY, Channel.VOICE, NY_MOBILE).about("case-3").after(seven).after(sevenOther),
                        ny("2026-01-18T15:00")));
    }

    // ---- Regulation F 1006.14(b)(2)(i)(B): no call for 7 days after a conversation, its date being day 1 --------

    static Stream<Row> regulationFLockout() {
        // day 1 is Monday 2026-01-12, the conversation at 15:00 New York time; day 8 is Monday 2026-01-19
        PastContact talked = conversation("case-1", NY_MOBILE, ContactType.MOBILE, ny("2026-01-12T15:00"));
        // a conversation at 20:30 EST is already the next day in UTC: the local date counts
        PastContact talkedLate = conversation("case-1", NY_MOBILE, ContactType.MOBILE, ny("2026-01-12T20:30"));
        PastContact talkedBeforeDst = conversation("case-1", NY_MOBILE, ContactType.MOBILE,
                ny("2026-03-02T15:00-05:00"));
        return Stream.of(
                defer("lockout: day 7 at 23:00 UTC (18:00 EST) -> day 8 08:00",
                        attempt(NY, Channel.VOICE, NY_MOBILE).after(talked), Instant.parse("2026-01-18T23:00:00Z"),
                        ny("2026-01-19T08:00"), "us-regf/voice/lockout", "us-regf/voice/hours"),
                // the hours alone move it past the end of the lockout
                defer("lockout: day 7 at 23:00 EST (day 8 in UTC) -> day 8 08:00",
                        attempt(NY, Channel.VOICE, NY_MOBILE).after(talked), ny("2026-01-18T23:00"),
                        ny("2026-01-19T08:00"), "us-regf/voice/hours"),
                defer("lockout: day 2 at noon -> day 8 08:00",
                        attempt(NY, Channel.VOICE, NY_MOBILE).after(talked), ny("2026-01-13T12:00"),
                        ny("2026-01-19T08:00"), "us-regf/voice/lockout", "us-regf/voice/hours"),
                defer("lockout: day 1, an hour after the conversation -> day 8 08:00",
                        attempt(NY, Channel.VOICE, NY_MOBILE).after(talked), ny("2026-01-12T16:00"),
                        ny("2026-01-19T08:00"), "us-regf/voice/lockout", "us-regf/voice/hours"),
                defer("lockout: day 8 before 08:00 waits for the hours only",
                        attempt(NY, Channel.VOICE, NY_MOBILE).after(talked), ny("2026-01-19T07:59:59"),
                        ny("2026-01-19T08:00"), "us-regf/voice/hours"),
                allow("lockout: day 8 at 08:00", attempt(NY, Channel.VOICE, NY_MOBILE).after(talked),
                        ny("2026-01-19T08:00")),
                allow("lockout: conversation at 20:30 EST (01:30 UTC the next day): day 8 at 08:00",
                        attempt(NY, Channel.VOICE, NY_MOBILE).after(talkedLate), ny("2026-01-19T08:00")),
                defer("lockout: across spring forward, day 7 -> day 8 08:00 EDT",
                        attempt(NY, Channel.VOICE, NY_MOBILE).after(talkedBeforeDst), ny("2026-03-08T12:00-04:00"),
                        ny("2026-03-09T08:00-04:00"), "us-regf/voice/lockout", "us-regf/voice/hours"),
                allow("lockout is per debt: a call about another case on day 3",
                        attempt(NY, Channel.VOICE, NY_MOBILE).about("case-2").after(talked), ny("2026-01-14T12:00")),
                allow("lockout holds calls only: a text about the case on day 3",
                        attempt(NY, Channel.SMS, NY_MOBILE).after(talked), ny("2026-01-14T12:00")),
                allow("lockout holds calls only: an email about the case on day 3",
                        attempt(NY, Channel.EMAIL, NY_EMAIL).after(talked), ny("2026-01-14T12:00")));
    }
}
