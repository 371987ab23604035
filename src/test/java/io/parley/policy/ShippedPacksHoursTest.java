package io.parley.policy;

import static io.parley.policy.ShippedPacksTest.DEBTORS;
import static io.parley.policy.ShippedPacksTest.GB;
import static io.parley.policy.ShippedPacksTest.GB_MOBILE;
import static io.parley.policy.ShippedPacksTest.LOCAL;
import static io.parley.policy.ShippedPacksTest.LONDON;
import static io.parley.policy.ShippedPacksTest.NEW_YORK;
import static io.parley.policy.ShippedPacksTest.NY_MOBILE;
import static io.parley.policy.ShippedPacksTest.CA_NY;
import static io.parley.policy.ShippedPacksTest.at;
import static io.parley.policy.ShippedPacksTest.assertDecides;
import static io.parley.policy.ShippedPacksTest.attempt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.Debtor;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Contact hours and no-contact days of the shipped packs at their edges, for real debtors whose zones come from
 * their address and phone numbers: allowed exactly inside the hours, otherwise deferred to the exact instant they
 * open in every zone the debtor may be in, across the 2026 clock changes. Times are the wall clock of the debtor's
 * zone (of New York for the Los Angeles debtor with a New York mobile).
 */
class ShippedPacksHoursTest {
    @ParameterizedTest(name = "{0} {1} at {2} -> {3} {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // US, Regulation F: 08:00-21:00 New York time (Thursday 2026-01-15, EST)
            "NY    | sms    | 2026-01-15T07:59:59       | defer | 2026-01-15T08:00       | us-regf/sms/hours",
            "NY    | sms    | 2026-01-15T08:00          | allow | -                      | policy",
            "NY    | sms    | 2026-01-15T20:59:59       | allow | -                      | policy",
            "NY    | sms    | 2026-01-15T21:00          | defer | 2026-01-16T08:00       | us-regf/sms/hours",
            "NY    | sms    | 2026-01-16T00:00          | defer | 2026-01-16T08:00       | us-regf/sms/hours",
            "NY    | voice  | 2026-01-15T07:59:59       | defer | 2026-01-15T08:00       | us-regf/voice/hours",
            "NY    | voice  | 2026-01-15T21:00          | defer | 2026-01-16T08:00       | us-regf/voice/hours",
            "NY    | email  | 2026-01-15T21:00          | defer | 2026-01-16T08:00       | us-regf/email/hours",
            // spring forward, Sunday 2026-03-08 02:00 EST -> 03:00 EDT
            "NY    | sms    | 2026-03-07T21:00-05:00    | defer | 2026-03-08T08:00-04:00 | us-regf/sms/hours",
            "NY    | sms    | 2026-03-08T01:59:59-05:00 | defer | 2026-03-08T08:00-04:00 | us-regf/sms/hours",
            "NY    | sms    | 2026-03-08T03:00-04:00    | defer | 2026-03-08T08:00-04:00 | us-regf/sms/hours",
            "NY    | sms    | 2026-03-08T07:59:59-04:00 | defer | 2026-03-08T08:00-04:00 | us-regf/sms/hours",
            "NY    | sms    | 2026-03-08T08:00-04:00    | allow | -                      | policy",
            "NY    | sms    | 2026-03-08T20:59:59-04:00 | allow | -                      | policy",
            "NY    | sms    | 2026-03-08T21:00-04:00    | defer | 2026-03-09T08:00-04:00 | us-regf/sms/hours",
            // fall back, Sunday 2026-11-01 02:00 EDT -> 01:00 EST: both 01:30s wait for 08:00 EST
            "NY    | sms    | 2026-10-31T21:00-04:00    | defer | 2026-11-01T08:00-05:00 | us-regf/sms/hours",
            "NY    | sms    | 2026-11-01T01:30-04:00    | defer | 2026-11-01T08:00-05:00 | us-regf/sms/hours",
            "NY    | sms    | 2026-11-01T01:30-05:00    | defer | 2026-11-01T08:00-05:00 | us-regf/sms/hours",
            "NY    | sms    | 2026-11-01T07:59:59-05:00 | defer | 2026-11-01T08:00-05:00 | us-regf/sms/hours",
            "NY    | sms    | 2026-11-01T08:00-05:00    | allow | -                      | policy",
            "NY    | sms    | 2026-11-01T20:59:59-05:00 | allow | -                      | policy",
            "NY    | sms    | 2026-11-01T21:00-05:00    | defer | 2026-11-02T08:00-05:00 | us-regf/sms/hours",
            // Washington: RCW 19.16.250 allows 07:30, Reg F's 08:00 is later and wins (Los Angeles time)
            "WA    | voice  | 2026-01-15T07:29:59       | defer | 2026-01-15T08:00       | us-regf/voice/hours",
            "WA    | voice  | 2026-01-15T07:30          | defer | 2026-01-15T08:00       | us-regf/voice/hours",
            "WA    | voice  | 2026-01-15T07:45          | defer | 2026-01-15T08:00       | us-regf/voice/hours",
            "WA    | voice  | 2026-01-15T07:59:59       | defer | 2026-01-15T08:00       | us-regf/voice/hours",
            "WA    | voice  | 2026-01-15T08:00          | allow | -                      | policy",
            "WA    | voice  | 2026-01-15T20:59:59       | allow | -                      | policy",
            "WA    | voice  | 2026-01-15T21:00          | defer | 2026-01-16T08:00       | us-regf/voice/hours",
            "WA    | voice  | 2026-07-15T07:45-07:00    | defer | 2026-07-15T08:00-07:00 | us-regf/voice/hours",
            "WA    | voice  | 2026-03-08T07:45-07:00    | defer | 2026-03-08T08:00-07:00 | us-regf/voice/hours",
            "WA    | sms    | 2026-01-15T07:45          | defer | 2026-01-15T08:00       | us-regf/sms/hours",
            // Massachusetts: 209 CMR 18.16(1)(a) 8 a.m. to 9 p.m., the same as Reg F
            "MA    | voice  | 2026-01-15T07:59:59       | defer | 2026-01-15T08:00       | us-ma/voice/hours",
            "MA    | voice  | 2026-01-15T21:00          | defer | 2026-01-16T08:00       | us-ma/voice/hours",
            "MA    | sms    | 2026-01-15T20:59:59       | allow | -                      | policy",
            // China: no contact 22:00-08:00 on any channel (Shanghai, no DST)
            "CN    | voice  | 2026-06-02T07:59:59       | defer | 2026-06-02T08:00       | cn/voice/hours",
            "CN    | voice  | 2026-06-02T08:00          | allow | -                      | policy",
            "CN    | voice  | 2026-06-02T21:59          | allow | -                      | policy",
            "CN    | voice  | 2026-06-02T21:59:59       | allow | -                      | policy",
            "CN    | voice  | 2026-06-02T22:00          | defer | 2026-06-03T08:00       | cn/voice/hours",
            "CN    | sms    | 2026-06-02T21:59          | allow | -                      | policy",
            "CN    | sms    | 2026-06-02T22:00          | defer | 2026-06-03T08:00       | cn/sms/hours",
            "CN    | wechat | 2026-06-02T22:00          | defer | 2026-06-03T08:00       | cn/wechat/hours",
            "CN    | wechat | 2026-06-07T12:00          | allow | -                      | policy",
            // United Kingdom: 08:00-21:00 Monday to Saturday, nothing on Sunday (London)
            "GB    | voice  | 2026-01-18T12:00          | defer | 2026-01-19T08:00       | uk-fca/voice/hours",
            "GB    | voice  | 2026-01-18T00:00          | defer | 2026-01-19T08:00       | uk-fca/voice/hours",
            "GB    | voice  | 2026-01-18T23:59:59       | defer | 2026-01-19T08:00       | uk-fca/voice/hours",
            "GB    | voice  | 2026-01-17T20:59:59       | allow | -                      | policy",
            "GB    | voice  | 2026-01-17T21:00          | defer | 2026-01-19T08:00       | uk-fca/voice/hours",
            "GB    | voice  | 2026-01-19T07:59:59       | defer | 2026-01-19T08:00       | uk-fca/voice/hours",
            "GB    | voice  | 2026-01-19T08:00          | allow | -                      | policy",
            "GB    | sms    | 2026-06-14T12:00+01:00    | defer | 2026-06-15T08:00+01:00 | uk-fca/sms/hours",
            "GB    | email  | 2026-06-14T12:00+01:00    | defer | 2026-06-15T08:00+01:00 | uk-fca/email/hours",
            // the Saturday evening before BST starts (Sunday 2026-03-29 01:00 GMT -> 02:00 BST)
            "GB    | sms    | 2026-03-28T21:00+00:00    | defer | 2026-03-30T08:00+01:00 | uk-fca/sms/hours",
            // France has no pack: the fallback's 09:00-20:00, no Sunday (Paris)
            "FR    | email  | 2026-01-15T08:59:59       | defer | 2026-01-15T09:00       | default/email/hours",
            "FR    | email  | 2026-01-15T09:00          | allow | -                      | policy",
            "FR    | email  | 2026-01-15T19:59:59       | allow | -                      | policy",
            "FR    | email  | 2026-01-15T20:00          | defer | 2026-01-16T09:00       | default/email/hours",
            "FR    | email  | 2026-01-17T20:00          | defer | 2026-01-19T09:00       | default/email/hours",
            "FR    | email  | 2026-01-18T12:00          | defer | 2026-01-19T09:00       | default/email/hours",
            "FR    | email  | 2026-01-17T19:59:59       | allow | -                      | policy",
            "FR    | email  | 2026-03-28T20:00+01:00    | defer | 2026-03-30T09:00+02:00 | default/email/hours",
            "FR    | email  | 2026-07-14T08:59:59+02:00 | defer | 2026-07-14T09:00+02:00 | default/email/hours",
            // Los Angeles address, New York mobile: 08:00 LA (11:00 NY) to 21:00 NY, in New York time
            "CA+NY | sms    | 2026-01-15T08:00          | defer | 2026-01-15T11:00       | us-regf/sms/hours",
            "CA+NY | sms    | 2026-01-15T10:59:59       | defer | 2026-01-15T11:00       | us-regf/sms/hours",
            "CA+NY | sms    | 2026-01-15T11:00          | allow | -                      | policy",
            "CA+NY | sms    | 2026-01-15T20:59:59       | allow | -                      | policy",
            "CA+NY | sms    | 2026-01-15T21:00          | defer | 2026-01-16T11:00       | us-regf/sms/hours",
            "CA+NY | sms    | 2026-03-08T10:59:59-04:00 | defer | 2026-03-08T11:00-04:00 | us-regf/sms/hours",
            "CA+NY | sms    | 2026-03-08T20:59:59-04:00 | allow | -                      | policy",
            "CA+NY | sms    | 2026-11-01T10:59:59-05:00 | defer | 2026-11-01T11:00-05:00 | us-regf/sms/hours",
            "CA+NY | voice  | 2026-01-15T10:59:59       | defer | 2026-01-15T11:00       | us-regf/voice/hours",
            "CA+NY | email  | 2026-01-15T10:59:59       | defer | 2026-01-15T11:00       | us-regf/email/hours"})
    void shippedHoursAtTheirEdges(String key, String channel, String now, String outcome, String until, String rule) {
        Debtor debtor = DEBTORS.get(key);
        ZoneId zone = LOCAL.get(key);
        Channel on = Channel.parse(channel);
        ContactPoint point = debtor.contactPoints().stream().filter(p -> p.channel() == on).findFirst().orElseThrow();

        assertDecides(attempt(debtor, on, point.address()).request(), at(zone, now), outcome,
                until == null ? null : at(zone, until), rule);
    }

    @Test
    void aUkSundayIsAmongTheRulesThatDeferred() {
        Instant now = at(LONDON, "2026-01-18T12:00");

        Decision decision = assertDecides(attempt(GB, Channel.VOICE, GB_MOBILE).request(), now, "defer",
                at(LONDON, "2026-01-19T08:00"), "uk-fca/voice/hours");

        assertEquals(List.of("uk-fca/voice/no-contact-day", "uk-fca/voice/hours"), decision.facts().get("deferredBy"));
        assertEquals(Map.of("sunday", "uk-fca"), decision.facts().get("noContactDays"));
    }

    @Test
    void theLosAngelesDebtorWaitsForEightInLosAngelesAndTheMobilesZoneIsExplained() {
        Instant now = at(NEW_YORK, "2026-01-15T10:00");

        Decision decision = assertDecides(attempt(CA_NY, Channel.SMS, NY_MOBILE).request(), now, "defer",
                at(NEW_YORK, "2026-01-15T11:00"), "us-regf/sms/hours");

        assertEquals(List.of(
                Map.of("zone", "America/Los_Angeles", "source", "address US-CA",
                        "localTime", "2026-01-15T07:00", "untilLocalTime", "2026-01-15T08:00"),
                Map.of("zone", "America/New_York", "source", "phone +1212555****",
                        "localTime", "2026-01-15T10:00", "untilLocalTime", "2026-01-15T11:00")),
                decision.facts().get("zones"));
        DecisionAssertions.assertNoAddress(decision, NY_MOBILE);
    }
}
