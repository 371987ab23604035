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

import static io.parley.policy.ShippedPacksLimitsTest.allow;
import static io.parley.policy.ShippedPacksLimitsTest.defer;

/**
 * The caps of the shipped packs outside the US at their edges (China, the United Kingdom, the fallback pack), as
 * {@link ShippedPacksLimitsTest} does for the US packs.
 */
class ShippedPacksLimitsAbroadTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource({"china", "unitedKingdom", "fallback"})
    void shippedLimitsAtTheirEdges(ShippedPacksLimitsTest.Row row) {
        Decision decision = assertDecides(row.attempt().request(), row.now(), row.outcome(), row.until(), row.rule());
        if (decision instanceof Decision.Defer) {
            assertEquals(row.deferredBy(), decision.facts().get("deferredBy"), decision.reasons().toString());
        }
    }

    // ---- China: at most 6 unanswered calls a day to a number (rolling 24 hours) ----------------------------------

    private static Instant sh(String local) {
        return at(SHANGHAI, local);
    }

    private static List<PastContact> cnCalls(String number, boolean answered, String... locals) {
        List<PastContact> calls = new ArrayList<>();
        for (String local : locals) {
            calls.add(answered ? answeredCall("case-1", number, ContactType.MOBILE, sh(local))
                    : unansweredCall("case-1", number, ContactType.MOBILE, sh(local)));
        }
        return calls;
    }

    static Stream<ShippedPacksLimitsTest.Row> china() {
        String[] today = {"2026-06-02T09:00", "2026-06-02T10:00", "2026-06-02T11:00", "2026-06-02T12:00",
                "2026-06-02T13:00", "2026-06-02T14:00"};
        List<PastContact> sixUnanswered = cnCalls(CN_MOBILE, false, today);
        List<PastContact> overMidnight = cnCalls(CN_MOBILE, false, "2026-06-01T19:00", "2026-06-01T20:00",
                "2026-06-01T21:00", "2026-06-02T08:00", "2026-06-02T09:00", "2026-06-02T10:00");
        List<PastContact> lateYesterday = cnCalls(CN_MOBILE, false, "2026-06-01T16:00", "2026-06-01T17:00",
                "2026-06-01T18:00", "2026-06-01T19:00", "2026-06-01T20:00", "2026-06-01T21:00");
        return Stream.of(
                defer("CN: 7th unanswered call to the mobile within 24 hours",
                        attempt(CN, Channel.VOICE, CN_MOBILE).after(sixUnanswered), sh("2026-06-02T15:00"),
                        sh("2026-06-03T09:00"), "cn/voice/unanswered-6-per-day"),
                defer("CN: 7th unanswered call, a second before the oldest leaves",
                        attempt(CN, Channel.VOICE, CN_MOBILE).after(sixUnanswered), sh("2026-06-03T08:59:59"),
                        sh("2026-06-03T09:00"), "cn/voice/unanswered-6-per-day"),
                allow("CN: 7th call once the oldest has left",
                        attempt(CN, Channel.VOICE, CN_MOBILE).after(sixUnanswered), sh("2026-06-03T09:00")),
                allow("CN: a call to a second number after 6 unanswered to the mobile",
                        attempt(CN, Channel.VOICE, CN_SECOND).after(sixUnanswered), sh("2026-06-02T15:00")),
                allow("CN: 6 answered calls do not count",
                        attempt(CN, Channel.VOICE, CN_MOBILE).after(cnCalls(CN_MOBILE, true, today)),
                        sh("2026-06-02T15:00")),
                allow("CN: 6th unanswered call",
                        attempt(CN, Channel.VOICE, CN_MOBILE).after(sixUnanswered.subList(1, 6)),
                        sh("2026-06-02T15:00")),
                allow("CN: a text to the mobile after 6 unanswered calls",
                        attempt(CN, Channel.SMS, CN_MOBILE).after(sixUnanswered), sh("2026-06-02T15:00")),
                defer("CN: the day is rolling: 3 last evening and 3 this morning",
                        attempt(CN, Channel.VOICE, CN_MOBILE).after(overMidnight), sh("2026-06-02T12:00"),
                        sh("2026-06-02T19:00"), "cn/voice/unanswered-6-per-day"),
                defer("CN: 6 yesterday afternoon and evening hold this morning until 16:00",
                        attempt(CN, Channel.VOICE, CN_MOBILE).after(lateYesterday), sh("2026-06-02T08:00"),
                        sh("2026-06-02T16:00"), "cn/voice/unanswered-6-per-day"));
    }

    // ---- United Kingdom: 3 calls a day per person (policy choice), no Sunday -------------------------------------

    private static Instant london(String local) {
        return at(LONDON, local);
    }

    static Stream<ShippedPacksLimitsTest.Row> unitedKingdom() {
        List<PastContact> threeMonday = List.of(
                unansweredCall("case-1", GB_MOBILE, ContactType.MOBILE, london("2026-01-19T09:00")),
                unansweredCall("case-1", GB_MOBILE, ContactType.MOBILE, london("2026-01-19T10:00")),
                unansweredCall("case-2", GB_MOBILE, ContactType.MOBILE, london("2026-01-19T11:00")));
        List<PastContact> threeSaturday = List.of(
                unansweredCall("case-1", GB_MOBILE, ContactType.MOBILE, london("2026-01-17T09:00")),
                unansweredCall("case-1", GB_MOBILE, ContactType.MOBILE, london("2026-01-17T10:00")),
                unansweredCall("case-1", GB_MOBILE, ContactType.MOBILE, london("2026-01-17T11:00")));
        return Stream.of(
                defer("GB: 4th call within 24 hours",
                        attempt(GB, Channel.VOICE, GB_MOBILE).after(threeMonday), london("2026-01-19T12:00"),
                        london("2026-01-20T09:00"), "uk-fca/voice/3-per-day"),
                defer("GB: 4th call on Saturday: the cap frees Sunday 09:00, no contact on Sunday, Monday 08:00",
                        attempt(GB, Channel.VOICE, GB_MOBILE).after(threeSaturday), london("2026-01-17T12:00"),
                        london("2026-01-19T08:00"), "uk-fca/voice/3-per-day", "uk-fca/voice/no-contact-day",
                        "uk-fca/voice/hours"));
    }

    // ---- the fallback pack: 5 emails in 7 days per person -----------------------------------------------------

    static Stream<ShippedPacksLimitsTest.Row> fallback() {
        List<PastContact> fiveEmails = new ArrayList<>();
        for (String day : List.of("2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15", "2026-01-16")) {
            fiveEmails.add(email("case-1", FR_EMAIL, ContactType.PERSONAL, at(PARIS, day + "T10:00")));
        }
        ZoneId paris = PARIS;
        return Stream.of(
                defer("FR: 6th email in 7 days waits for the oldest + 7 days",
                        attempt(FR, Channel.EMAIL, FR_EMAIL).after(fiveEmails), at(paris, "2026-01-16T12:00"),
                        at(paris, "2026-01-19T10:00"), "default/email/5-in-7"),
                allow("FR: 5th email in 7 days",
                        attempt(FR, Channel.EMAIL, FR_EMAIL).after(fiveEmails.subList(1, 5)),
                        at(paris, "2026-01-16T12:00")));
    }
}
