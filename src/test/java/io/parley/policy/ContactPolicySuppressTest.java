package io.parley.policy;

import static io.parley.policy.DecisionAssertions.assertJsonSafe;
import static io.parley.policy.DecisionAssertions.assertNoAddress;
import static io.parley.policy.PolicyFixtures.MOBILE;
import static io.parley.policy.PolicyFixtures.US_REGF;
import static io.parley.policy.PolicyFixtures.policy;
import static io.parley.policy.PolicyFixtures.voice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.domain.Channel;
import io.parley.domain.ContactType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules that stop an attempt for good, and the ones that look similar but do not. */
class ContactPolicySuppressTest {
    /** 10:00 in New York on a Thursday: inside every window used here. */
    private static final Instant MORNING = Instant.parse("2026-01-15T15:00:00Z");
    private static final TemplateTraits SAFE = new TemplateTraits(true, true);

    static Stream<Arguments> attempts() {
        ContactPreferences cease = new ContactPreferences(true, Set.of(), List.of());
        ContactPreferences noCalls = new ContactPreferences(false, Set.of(Channel.VOICE), List.of());
        String family = "+12125550199";
        return Stream.of(
                Arguments.of("cease", voice().preferences(cease), "cease"),
                Arguments.of("refused channel", voice().preferences(noCalls), "refused-channel"),
                Arguments.of("address on the suppression list", voice().preferences(ContactPreferences.none()
                        .withSuppressedAddresses(List.of(new AddressSuppression(Channel.VOICE, " " + MOBILE + " ",
                                "opt_out by reply since 2026-01-10T09:00:00Z")))), AddressSuppression.RULE),
                Arguments.of("same address suppressed on another channel", voice().preferences(ContactPreferences
                        .none().withSuppressedAddresses(List.of(new AddressSuppression(Channel.SMS, MOBILE,
                                "opt_out by reply since 2026-01-10T09:00:00Z")))), "policy"),
                Arguments.of("refused another channel", voice().preferences(
                        new ContactPreferences(false, Set.of(Channel.SMS), List.of())), "policy"),
                Arguments.of("third party, borrower reachable", voice().to(family, ContactType.FAMILY)
                        .template(SAFE).reach(2, false), "third-party/borrower-reachable"),
                Arguments.of("third party, unsafe template", voice().to(family, ContactType.FAMILY)
                        .reach(3, false), "third-party/unsafe-template"),
                Arguments.of("third party after 3 failures, safe template", voice().to(family, ContactType.FAMILY)
                        .template(SAFE).reach(3, false), "policy"),
                Arguments.of("third party, every borrower point invalid", voice().to(family, ContactType.EMPLOYER)
                        .template(SAFE).reach(0, true), "policy"),
                Arguments.of("work email without consent", voice().to(Channel.EMAIL, "ana@employer.example",
                        ContactType.WORK, false), "work-email-without-consent"),
                Arguments.of("work email with consent", voice().to(Channel.EMAIL, "ana@employer.example",
                        ContactType.WORK, true), "policy"),
                Arguments.of("personal email", voice().to(Channel.EMAIL, "ana@mail.example",
                        ContactType.PERSONAL, false), "policy"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("attempts")
    void decides(String title, PolicyFixtures.Attempt attempt, String rule) {
        ContactRequest request = attempt.request();

        Decision decision = policy("us-regf", "America/New_York").decide(request, MORNING);

        assertEquals(rule, decision.rule(), decision.reasons().toString());
        Class<? extends Decision> expected = rule.equals("policy") ? Decision.Allow.class : Decision.Suppress.class;
        assertEquals(expected, decision.getClass());
        assertJsonSafe(decision.facts(), "facts");
        assertNoAddress(decision, request.contact().address());
    }

    @Test
    void aSuppressedAddressIsNamedWithWhyWhateverTheDebtorAsked() {
        ContactRequest request = voice().preferences(new ContactPreferences(false, Set.of(), List.of(),
                List.of(new AddressSuppression(Channel.VOICE, MOBILE, "wrong_number by reply since 2026-01-02T08:00:00Z"))))
                .request();

        Decision.Suppress suppress = assertInstanceOf(Decision.Suppress.class,
                policy("us-regf", "America/New_York").decide(request, MORNING));

        assertEquals(AddressSuppression.RULE, suppress.rule());
        assertTrue(suppress.reasons().get(0).contains("wrong_number by reply since 2026-01-02T08:00:00Z"),
                suppress.reasons().toString());
    }

    @Test
    void namesEveryRuleThatForbidsTheFirstDeciding() {
        ContactRequest request = voice().to("+12125550199", ContactType.REFERENCE)
                .preferences(new ContactPreferences(true, Set.of(Channel.VOICE), List.of())).request();

        Decision.Suppress suppress = assertInstanceOf(Decision.Suppress.class,
                policy("us-regf", "America/New_York").decide(request, MORNING));

        assertEquals("cease", suppress.rule());
        assertEquals(4 + 1, suppress.reasons().size(), suppress.reasons().toString());
        assertTrue(suppress.reasons().get(2).contains("after 3 consecutive failed attempts"), suppress.reasons().get(2));
    }

    @Test
    void packsWhoseHoursDoNotMeetLeaveNoTime() {
        RulePack late = new RulePack("late", "", PolicyFixtures.applies("US"), Map.of(Channel.VOICE,
                PolicyFixtures.hours(21, 0, 23, 0)), List.of(), 0);

        Decision decision = policy(List.of(US_REGF, late), PolicyFixtures.zones("America/New_York"))
                .decide(voice().request(), MORNING);

        assertEquals("hours/empty", assertInstanceOf(Decision.Suppress.class, decision).rule());
        assertEquals("21:00-21:00", decision.facts().get("hours"));
        assertEquals(Map.of("from", "late", "until", "us-regf"), decision.facts().get("hoursSetBy"));
    }

    @Test
    void aCapOfZeroAllowsNone() {
        RulePack none = new RulePack("no-calls", "", PolicyFixtures.applies("US"), Map.of(), List.of(
                new Cap("no-calls/all", 0, Duration.ofDays(1), CapScope.PERSON, Set.of(ContactKind.CALL_PLACED,
                        ContactKind.SMS), Set.of(Channel.VOICE, Channel.SMS), Set.of())), 0);

        Decision decision = policy(List.of(US_REGF, none), PolicyFixtures.zones("America/New_York"))
                .decide(voice().request(), MORNING);

        assertEquals("cap/no-calls/all", assertInstanceOf(Decision.Suppress.class, decision).rule());
    }

    @Test
    void zonesWhoseHoursNeverMeetLeaveNoTimeWithinTheHorizon() {
        // 09:00-17:00 in New York (14:00-22:00 UTC) and in Shanghai (01:00-09:00 UTC) never overlap
        RulePack office = new RulePack("office", "", PolicyFixtures.applies("US"), Map.of(Channel.VOICE,
                PolicyFixtures.hours(9, 0, 17, 0)), List.of(), 0);
        Decision decision = policy(List.of(office), PolicyFixtures.zones("America/New_York|Asia/Shanghai"))
                .decide(voice().request(), MORNING);

        Decision.Suppress suppress = assertInstanceOf(Decision.Suppress.class, decision);
        assertEquals("no-allowed-time", suppress.rule());
        assertTrue(suppress.reasons().get(0).contains("P30D"), suppress.reasons().toString());
    }

    @Test
    void aCapThatFreesUpOnlyAfterTheHorizonLeavesNoTime() {
        RulePack monthly = new RulePack("monthly", "", PolicyFixtures.applies("US"), Map.of(Channel.VOICE,
                new ChannelRules(LocalTime.of(8, 0), LocalTime.of(21, 0), Set.of(), List.of(PolicyFixtures.cap(
                        "monthly/voice/1-in-60", 1, Duration.ofDays(60), CapScope.DEBT, PolicyFixtures.PLACED)),
                        Duration.ZERO)), List.of(), 0);
        ContactRequest request = voice().after(PolicyFixtures.call("case-1", MOBILE, ContactType.MOBILE,
                MORNING.minus(Duration.ofDays(1)))).request();

        Decision decision = policy(List.of(monthly), PolicyFixtures.zones("America/New_York")).decide(request, MORNING);

        assertEquals("no-allowed-time", assertInstanceOf(Decision.Suppress.class, decision).rule());
        assertTrue(decision.reasons().get(1).startsWith("monthly/voice/1-in-60"), decision.reasons().toString());
    }

    @Test
    void aSelectorOrResolverBreakingItsContractIsAnError() {
        ContactPolicy noPacks = new ContactPolicy((debtor, requested) -> List.of(),
                debtor -> PolicyFixtures.zones("America/New_York"), Duration.ofDays(30));
        ContactPolicy noZones = new ContactPolicy((debtor, requested) -> List.of(US_REGF), debtor -> List.of(),
                Duration.ofDays(30));

        assertThrows(IllegalStateException.class, () -> noPacks.decide(voice().request(), MORNING));
        assertThrows(IllegalStateException.class, () -> noZones.decide(voice().request(), MORNING));
        assertThrows(IllegalArgumentException.class, () -> new ContactPolicy((d, r) -> List.of(), d -> List.of(),
                Duration.ZERO));
    }
}
