package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.domain.Channel;
import io.parley.domain.ContactType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A valid pack becomes the model exactly, with every cap named "pack/channel/id" or "pack/all/id". */
class RulePackParserTest {
    private final RulePackParser parser = new RulePackParser();
    private final RulePack pack = parser.parse("conf/policies/test-pack.yaml", RulePackParserErrorsTest.VALID);

    @Test
    void readsThePackFields() {
        assertEquals("test-pack", pack.id());
        assertEquals("A pack for tests.", pack.description());
        assertEquals(new Applicability(Set.of("US"), Set.of("US-MA")), pack.appliesTo());
        assertEquals(3, pack.thirdPartyAfterFailures());
        assertEquals(Set.of(Channel.VOICE, Channel.SMS), pack.channels().keySet());
    }

    @Test
    void readsAChannelsRules() {
        ChannelRules voice = pack.rulesFor(Channel.VOICE).orElseThrow();
        assertEquals(LocalTime.of(8, 0), voice.from());
        assertEquals(LocalTime.of(21, 0), voice.until());
        assertEquals(Set.of(DayOfWeek.SUNDAY), voice.noContactDays());
        assertEquals(Duration.ofDays(7), voice.lockoutAfterConversation());
        assertEquals(Duration.ZERO, pack.rulesFor(Channel.SMS).orElseThrow().lockoutAfterConversation());
        assertTrue(pack.rulesFor(Channel.EMAIL).isEmpty(), "a channel the pack leaves out is not restricted by it");
    }

    static Stream<Arguments> caps() {
        return Stream.of(
                Arguments.of("test-pack/voice/7-in-7", new Cap("test-pack/voice/7-in-7", 7, Duration.ofDays(7),
                        CapScope.DEBT, Set.of(ContactKind.CALL_PLACED), Set.of(), Set.of())),
                Arguments.of("test-pack/voice/work", new Cap("test-pack/voice/work", 1, Duration.ofDays(7),
                        CapScope.PERSON, Set.of(ContactKind.CALL_PLACED), Set.of(), Set.of(ContactType.WORK))),
                Arguments.of("test-pack/sms/3-in-7", new Cap("test-pack/sms/3-in-7", 3, Duration.ofDays(7),
                        CapScope.DEBT, Set.of(ContactKind.SMS), Set.of(), Set.of())),
                Arguments.of("test-pack/all/week", new Cap("test-pack/all/week", 15, Duration.ofDays(7),
                        CapScope.PERSON, Set.of(ContactKind.CALL_PLACED, ContactKind.SMS),
                        Set.of(Channel.VOICE, Channel.SMS), Set.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caps")
    void qualifiesEveryCapId(String id, Cap expected) {
        assertEquals(expected, allCaps(pack).get(id));
    }

    @Test
    void hasNoOtherCaps() {
        assertEquals(Set.of("test-pack/voice/7-in-7", "test-pack/voice/work", "test-pack/sms/3-in-7",
                "test-pack/all/week"), allCaps(pack).keySet());
    }

    @ParameterizedTest(name = "{0} -> id {1}")
    @CsvSource({
            "conf/policies/us-ma.yaml, us-ma",
            "us-ma.yml, us-ma",
            "C:\\conf\\policies\\us-wa.yaml, us-wa",
            "us-regf, us-regf"})
    void theIdIsTheFileName(String source, String id) {
        assertEquals(id, RulePackParser.expectedId(source));
    }

    @Test
    void aFallbackPackAppliesNowhereInParticular() {
        String yaml = RulePackParserErrorsTest.VALID.replace("id: test-pack", "id: fallback")
                .replace("appliesTo: { countries: [US], regions: [US-MA] }", "appliesTo: {}");
        assertTrue(parser.parse("fallback.yaml", yaml).appliesTo().fallback());
    }

    @Test
    void aMissingThirdPartyThresholdSetsNoMinimum() {
        String yaml = RulePackParserErrorsTest.VALID.replace("thirdPartyAfterFailures: 3\n", "");
        assertEquals(0, parser.parse("test-pack.yaml", yaml).thirdPartyAfterFailures());
    }

    static Map<String, Cap> allCaps(RulePack pack) {
        return Stream.concat(pack.caps().stream(), pack.channels().values().stream().flatMap(c -> c.caps().stream()))
                .collect(Collectors.toMap(Cap::id, cap -> cap));
    }

    static List<String> capIds(RulePack pack) {
        return allCaps(pack).keySet().stream().sorted().toList();
    }
}
