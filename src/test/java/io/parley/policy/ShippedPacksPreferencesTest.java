package io.parley.policy;

import static io.parley.policy.ShippedPacksTest.DEBTORS;
import static io.parley.policy.ShippedPacksTest.LOCAL;
import static io.parley.policy.ShippedPacksTest.assertDecides;
import static io.parley.policy.ShippedPacksTest.at;
import static io.parley.policy.ShippedPacksTest.attempt;

import io.parley.domain.Channel;
import io.parley.domain.Debtor;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the debtor said and what the contact point allows, under the shipped packs: a work email needs consent, a
 * cease request or a refused channel rules the attempt out whatever the time, and a time the debtor said is
 * inconvenient defers it to the end of that time, in every zone the debtor may be in. Times are the wall clock of
 * the debtor's zone (of New York for the Los Angeles debtor with a New York mobile).
 */
class ShippedPacksPreferencesTest {
    @ParameterizedTest(name = "{0} {1} to {2} (consent {3}), {4}, at {5} -> {6} {7} {8}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // a work email needs the debtor's consent; other addresses do not
            "NY    | email  | maria.lopez@hudson-logistics.example | false | none       | 2026-01-15T12:00 | suppress | -                | work-email-without-consent",
            "NY    | email  | maria.lopez@hudson-logistics.example | true  | none       | 2026-01-15T12:00 | allow    | -                | policy",
            "NY    | email  | maria.lopez@hudson-logistics.example | false | none       | 2026-01-15T21:00 | suppress | -                | work-email-without-consent",
            "NY    | email  | maria.lopez@hudson-logistics.example | true  | none       | 2026-01-15T21:00 | defer    | 2026-01-16T08:00 | us-regf/email/hours",
            "NY    | email  | maria.lopez@example.com              | false | none       | 2026-01-15T12:00 | allow    | -                | policy",
            "FR    | email  | c.martin@atelier-lyonnais.example    | false | none       | 2026-01-15T12:00 | suppress | -                | work-email-without-consent",
            "FR    | email  | c.martin@atelier-lyonnais.example    | true  | none       | 2026-01-15T12:00 | allow    | -                | policy",
            "FR    | email  | c.martin@atelier-lyonnais.example    | true  | none       | 2026-01-18T12:00 | defer    | 2026-01-19T09:00 | default/email/hours",
            // a cease request: never, on any channel, at any time, in any jurisdiction
            "NY    | voice  | +12125550123                         | false | cease      | 2026-01-15T12:00 | suppress | -                | cease",
            "NY    | sms    | +12125550123                         | false | cease      | 2026-01-15T12:00 | suppress | -                | cease",
            "NY    | email  | maria.lopez@example.com              | false | cease      | 2026-01-15T12:00 | suppress | -                | cease",
            "NY    | voice  | +12125550123                         | false | cease      | 2026-01-15T23:00 | suppress | -                | cease",
            "GB    | voice  | +447400123456                        | false | cease      | 2026-01-18T12:00 | suppress | -                | cease",
            "CN    | wechat | wxid_liwei1988                       | true  | cease      | 2026-06-02T12:00 | suppress | -                | cease",
            "FR    | email  | claire.martin@example.fr             | false | cease      | 2026-01-15T12:00 | suppress | -                | cease",
            "NY    | sms    | +12125550123                         | false | cease+sms  | 2026-01-15T12:00 | suppress | -                | cease",
            // a refused channel: never on it, the others as usual
            "NY    | sms    | +12125550123                         | false | refuse-sms | 2026-01-15T12:00 | suppress | -                | refused-channel",
            "NY    | sms    | +12125550123                         | false | refuse-sms | 2026-01-15T22:00 | suppress | -                | refused-channel",
            "NY    | voice  | +12125550123                         | false | refuse-sms | 2026-01-15T12:00 | allow    | -                | policy",
            "NY    | email  | maria.lopez@example.com              | false | refuse-sms | 2026-01-15T12:00 | allow    | -                | policy",
            "NY    | voice  | +12125550123                         | false | refuse-sms | 2026-01-15T07:00 | defer    | 2026-01-15T08:00 | us-regf/voice/hours",
            "CN    | voice  | +8613800138000                       | false | refuse-voice | 2026-06-02T12:00 | suppress | -              | refused-channel",
            "NY    | email  | maria.lopez@hudson-logistics.example | false | refuse-email | 2026-01-15T12:00 | suppress | -              | refused-channel",
            // lunch: Monday to Friday 12:00-13:00, calls only
            "NY    | voice  | +12125550123                         | false | lunch      | 2026-01-15T12:30 | defer    | 2026-01-15T13:00 | preferences/inconvenient-time",
            "NY    | voice  | +12125550123                         | false | lunch      | 2026-01-15T12:00 | defer    | 2026-01-15T13:00 | preferences/inconvenient-time",
            "NY    | voice  | +12125550123                         | false | lunch      | 2026-01-15T12:59:59 | defer | 2026-01-15T13:00 | preferences/inconvenient-time",
            "NY    | voice  | +12125550123                         | false | lunch      | 2026-01-15T11:59:59 | allow | -                | policy",
            "NY    | voice  | +12125550123                         | false | lunch      | 2026-01-15T13:00 | allow    | -                | policy",
            "NY    | voice  | +12125550123                         | false | lunch      | 2026-01-16T12:30 | defer    | 2026-01-16T13:00 | preferences/inconvenient-time",
            "NY    | voice  | +12125550123                         | false | lunch      | 2026-01-17T12:30 | allow    | -                | policy",
            "NY    | sms    | +12125550123                         | false | lunch      | 2026-01-15T12:30 | allow    | -                | policy",
            "NY    | voice  | +12125550123                         | false | lunch      | 2026-03-09T12:30 | defer    | 2026-03-09T13:00 | preferences/inconvenient-time",
            "WA    | voice  | +12065550123                         | false | lunch      | 2026-01-15T12:30 | defer    | 2026-01-15T13:00 | preferences/inconvenient-time",
            "MA    | voice  | +16175550123                         | false | lunch      | 2026-01-15T12:30 | defer    | 2026-01-15T13:00 | preferences/inconvenient-time",
            "GB    | voice  | +447400123456                        | false | lunch      | 2026-01-19T12:30 | defer    | 2026-01-19T13:00 | preferences/inconvenient-time",
            "CN    | voice  | +8613800138000                       | false | lunch      | 2026-06-02T12:30 | defer    | 2026-06-02T13:00 | preferences/inconvenient-time",
            // the Los Angeles debtor's lunch is inconvenient in both zones: 12:00-13:00 and 15:00-16:00 New York time
            "CA+NY | voice  | +12125550123                         | false | lunch      | 2026-01-15T12:30 | defer    | 2026-01-15T13:00 | preferences/inconvenient-time",
            "CA+NY | voice  | +12125550123                         | false | lunch      | 2026-01-15T15:30 | defer    | 2026-01-15T16:00 | preferences/inconvenient-time",
            "CA+NY | voice  | +12125550123                         | false | lunch      | 2026-01-15T14:00 | allow    | -                | policy",
            // nights: every day 20:00-09:00, every channel (wraps past midnight), stricter than the packs' hours
            "NY    | sms    | +12125550123                         | false | nights     | 2026-01-15T19:59:59 | allow | -                | policy",
            "NY    | sms    | +12125550123                         | false | nights     | 2026-01-15T20:00 | defer    | 2026-01-16T09:00 | preferences/inconvenient-time",
            "NY    | sms    | +12125550123                         | false | nights     | 2026-01-16T07:00 | defer    | 2026-01-16T09:00 | preferences/inconvenient-time",
            "NY    | email  | maria.lopez@example.com              | false | nights     | 2026-01-16T08:30 | defer    | 2026-01-16T09:00 | preferences/inconvenient-time",
            "GB    | voice  | +447400123456                        | false | nights     | 2026-01-17T20:00 | defer    | 2026-01-19T09:00 | preferences/inconvenient-time"})
    void preferencesAndConsentUnderTheShippedPacks(String key, String channel, String address, boolean consent,
                                                   String preference, String now, String outcome, String until,
                                                   String rule) {
        Debtor debtor = DEBTORS.get(key);
        ZoneId zone = LOCAL.get(key);
        ContactRequest request = attempt(debtor, Channel.parse(channel), address).consent(consent)
                .preferences(preferences(preference)).request();

        assertDecides(request, at(zone, now), outcome, until == null ? null : at(zone, until), rule);
    }

    private static ContactPreferences preferences(String name) {
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        return switch (name) {
            case "none" -> ContactPreferences.none();
            case "cease" -> new ContactPreferences(true, Set.of(), List.of());
            case "cease+sms" -> new ContactPreferences(true, Set.of(Channel.SMS), List.of());
            case "refuse-sms" -> new ContactPreferences(false, Set.of(Channel.SMS), List.of());
            case "refuse-voice" -> new ContactPreferences(false, Set.of(Channel.VOICE), List.of());
            case "refuse-email" -> new ContactPreferences(false, Set.of(Channel.EMAIL), List.of());
            case "lunch" -> new ContactPreferences(false, Set.of(), List.of(new InconvenientTime(weekdays,
                    LocalTime.of(12, 0), LocalTime.of(13, 0), Set.of(Channel.VOICE))));
            case "nights" -> new ContactPreferences(false, Set.of(), List.of(new InconvenientTime(Set.of(),
                    LocalTime.of(20, 0), LocalTime.of(9, 0), Set.of())));
            default -> throw new IllegalArgumentException("no preference " + name);
        };
    }
}
