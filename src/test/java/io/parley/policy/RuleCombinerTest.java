package io.parley.policy;

import static io.parley.policy.PolicyFixtures.applies;
import static io.parley.policy.PolicyFixtures.cap;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.domain.Channel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Several packs in force: the strictest of each rule wins, naming the pack it comes from. */
class RuleCombinerTest {
    private static final Cap SEVEN = cap("a/voice/7-in-7", 7, Duration.ofDays(7), CapScope.DEBT, PolicyFixtures.PLACED);
    private static final Cap TWO = cap("b/voice/2-in-7", 2, Duration.ofDays(7), CapScope.PERSON, PolicyFixtures.PLACED);
    private static final Cap ACROSS = new Cap("b/any/3-in-7", 3, Duration.ofDays(7), CapScope.PERSON,
            Set.of(ContactKind.CALL_PLACED, ContactKind.SMS), Set.of(Channel.VOICE, Channel.SMS), Set.of());
    private static final Cap EMAIL_ONLY = new Cap("b/email/5-in-7", 5, Duration.ofDays(7), CapScope.PERSON,
            Set.of(ContactKind.EMAIL), Set.of(Channel.EMAIL), Set.of());

    private static final RulePack A = new RulePack("a", "", applies("US"), Map.of(Channel.VOICE,
            new ChannelRules(LocalTime.of(8, 0), LocalTime.of(21, 0), Set.of(DayOfWeek.SUNDAY), List.of(SEVEN),
                    Duration.ofDays(7))), List.of(), 3);
    private static final RulePack B = new RulePack("b", "", applies("US"), Map.of(Channel.VOICE,
            new ChannelRules(LocalTime.of(7, 30), LocalTime.of(20, 0), Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY),
                    List.of(TWO), Duration.ofDays(2))), List.of(ACROSS, EMAIL_ONLY), 5);
    /** Lists only SMS: sets nothing for calls. */
    private static final RulePack C = new RulePack("c", "", applies("US"), Map.of(Channel.SMS,
            PolicyFixtures.hours(10, 0, 18, 0)), List.of(), 1);

    @Test
    void theStrictestOfEachRuleWinsAndNamesItsPack() {
        EffectiveRules rules = RuleCombiner.combine(List.of(A, B, C), Channel.VOICE);

        assertAll(
                () -> assertEquals(List.of("a", "b", "c"), rules.packs()),
                () -> assertEquals(new Sourced<>(LocalTime.of(8, 0), "a"), rules.from()),
                () -> assertEquals(new Sourced<>(LocalTime.of(20, 0), "b"), rules.until()),
                () -> assertEquals(Map.of(DayOfWeek.SUNDAY, "a", DayOfWeek.SATURDAY, "b"), rules.noContactDays()),
                () -> assertEquals(List.of(SEVEN, TWO, ACROSS), rules.caps()),
                () -> assertEquals(new Sourced<>(Duration.ofDays(7), "a"), rules.lockout()),
                () -> assertEquals(new Sourced<>(5, "b"), rules.thirdPartyAfterFailures()),
                () -> assertFalse(rules.noHours()));
    }

    @Test
    void aPackThatDoesNotListTheChannelSetsNoHoursForIt() {
        EffectiveRules sms = RuleCombiner.combine(List.of(A, B, C), Channel.SMS);

        assertAll(
                () -> assertEquals(new Sourced<>(LocalTime.of(10, 0), "c"), sms.from()),
                () -> assertEquals(new Sourced<>(LocalTime.of(18, 0), "c"), sms.until()),
                () -> assertEquals(List.of(ACROSS), sms.caps()),
                () -> assertTrue(sms.noContactDays().isEmpty()),
                () -> assertFalse(sms.hasLockout()));
    }

    @Test
    void aChannelNoPackListsIsUnrestrictedAllDay() {
        EffectiveRules letter = RuleCombiner.combine(List.of(A, C), Channel.LETTER);

        assertAll(
                () -> assertEquals(new Sourced<>(LocalTime.MIDNIGHT, RuleCombiner.NO_PACK), letter.from()),
                () -> assertEquals(new Sourced<>(LocalTime.MAX, RuleCombiner.NO_PACK), letter.until()),
                () -> assertEquals("00:00-24:00", ContactHours.of(letter).text()),
                () -> assertTrue(ContactHours.of(letter).allows(LocalTime.MAX)),
                () -> assertEquals(List.of(), letter.caps()),
                () -> assertEquals(new Sourced<>(Duration.ZERO, RuleCombiner.NO_PACK), letter.lockout()),
                () -> assertEquals(new Sourced<>(3, "a"), letter.thirdPartyAfterFailures()));
    }

    @Test
    void onATieTheFirstPackIsNamed() {
        RulePack again = new RulePack("again", "", applies("US"), A.channels(), List.of(), 3);

        EffectiveRules rules = RuleCombiner.combine(List.of(A, again), Channel.VOICE);

        assertEquals("a", rules.from().pack());
        assertEquals("a", rules.until().pack());
        assertEquals("a", rules.lockout().pack());
        assertEquals("a", rules.thirdPartyAfterFailures().pack());
    }

    @Test
    void windowsThatDoNotMeetLeaveNoHours() {
        RulePack late = new RulePack("late", "", applies("US"), Map.of(Channel.VOICE,
                PolicyFixtures.hours(20, 30, 23, 0)), List.of(), 0);

        assertTrue(RuleCombiner.combine(List.of(B, late), Channel.VOICE).noHours());
    }

    @Test
    void noPacksLeaveEverythingUnrestricted() {
        EffectiveRules rules = RuleCombiner.combine(List.of(), Channel.VOICE);

        assertEquals(List.of(), rules.packs());
        assertEquals(new Sourced<>(0, RuleCombiner.NO_PACK), rules.thirdPartyAfterFailures());
        assertFalse(rules.noHours());
    }
}
