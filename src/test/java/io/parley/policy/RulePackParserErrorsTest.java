package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed rule pack is refused with an error naming the file and the field. */
class RulePackParserErrorsTest {
    private static final String FILE = "conf/policies/test-pack.yaml";
    /** A valid pack; each case breaks one thing in it. */
    static final String VALID = """
            id: test-pack
            description: A pack for tests.
            appliesTo: { countries: [US], regions: [US-MA] }
            thirdPartyAfterFailures: 3
            channels:
              voice:
                hours: "08:00-21:00"
                noContactDays: [sunday]
                lockoutAfterConversation: P7D
                caps:
                  - { id: 7-in-7, max: 7, window: P7D, scope: debt, counts: [call_placed] }
                  - { id: work, max: 1, window: P7D, scope: person, counts: [call_placed], toTypes: [work] }
              sms:
                hours: "08:00-21:00"
                caps:
                  - { id: 3-in-7, max: 3, window: P7D, scope: debt, counts: [sms] }
            caps:
              - { id: week, max: 15, window: P7D, scope: person, counts: [call_placed, sms], channels: [voice, sms] }
            """;

    private final RulePackParser parser = new RulePackParser();

    static Arguments broken(String title, String from, String to, String expected) {
        if (!VALID.contains(from)) {
            throw new IllegalArgumentException(title + ": the valid pack has no '" + from + "'");
        }
        return Arguments.of(title, VALID.replace(from, to), FILE + ": " + expected);
    }

    static Stream<Arguments> invalidPacks() {
        return Stream.of(
                broken("unknown top-level field", "thirdPartyAfterFailures: 3", "colour: red",
                        "field 'colour': unknown field (expected one of id, description, appliesTo"),
                broken("id differs from the file name", "id: test-pack", "id: other-pack",
                        "field 'id': 'other-pack' does not match the file name"),
                broken("id with capitals", "id: test-pack", "id: Test_Pack",
                        "field 'id': 'Test_Pack' must be lower-case letters and digits"),
                broken("missing id", "id: test-pack\n", "", "field 'id': is required"),
                broken("missing description", "description: A pack for tests.\n", "",
                        "field 'description': is required"),
                broken("blank description", "description: A pack for tests.", "description: \" \"",
                        "field 'description': must not be blank"),
                broken("missing appliesTo", "appliesTo: { countries: [US], regions: [US-MA] }\n", "",
                        "field 'appliesTo': is required"),
                broken("unknown appliesTo field", "regions: [US-MA]", "states: [MA]",
                        "field 'appliesTo.states': unknown field (expected one of countries, regions)"),
                broken("lower-case country", "countries: [US]", "countries: [us]",
                        "field 'appliesTo.countries[0]': 'us' is not an ISO 3166-1 alpha-2 country code"),
                broken("no such country", "countries: [US]", "countries: [XX]",
                        "field 'appliesTo.countries[0]': 'XX' is not an ISO 3166-1 alpha-2 country code"),
                broken("YAML's 'no' is not Norway", "countries: [US]", "countries: [US, NO]",
                        "field 'appliesTo.countries[1]': must be text, not false (quote it"),
                broken("repeated country", "countries: [US]", "countries: [US, US]",
                        "field 'appliesTo.countries[1]': 'US' is listed twice"),
                broken("region without country", "regions: [US-MA]", "regions: [MA]",
                        "field 'appliesTo.regions[0]': 'MA' is not a region COUNTRY-REGION"),
                broken("empty countries", "countries: [US], ", "countries: [], ",
                        "field 'appliesTo.countries': must list at least one value"),
                broken("negative third-party threshold", "thirdPartyAfterFailures: 3", "thirdPartyAfterFailures: -1",
                        "field 'thirdPartyAfterFailures': -1 is not between 0 and 100"),
                broken("third-party threshold as text", "thirdPartyAfterFailures: 3", "thirdPartyAfterFailures: three",
                        "field 'thirdPartyAfterFailures': must be a whole number, not 'three'"),
                broken("unknown channel", "  sms:\n", "  fax:\n",
                        "field 'channels.fax': unknown field (expected one of sms, voice, email, wechat, letter, visit, agency, legal)"),
                broken("channel in capitals", "  sms:\n", "  SMS:\n",
                        "field 'channels.SMS': unknown field (expected one of sms, voice, email, wechat, letter, visit, agency, legal)"),
                broken("unknown channel field", "    noContactDays: [sunday]", "    quietDays: [sunday]",
                        "field 'channels.voice.quietDays': unknown field (expected one of hours, noContactDays,"),
                broken("missing hours", "    hours: \"08:00-21:00\"\n    noContactDays", "    noContactDays",
                        "field 'channels.voice.hours': is required"),
                broken("hours without a dash", "    hours: \"08:00-21:00\"\n    noContactDays",
                        "    hours: \"8am to 9pm\"\n    noContactDays",
                        "field 'channels.voice.hours': '8am to 9pm' is not a time range HH:mm-HH:mm"),
                broken("hours ending before they start", "    hours: \"08:00-21:00\"\n    noContactDays",
                        "    hours: \"21:00-08:00\"\n    noContactDays",
                        "field 'channels.voice.hours': '21:00-08:00' must start before it ends"),
                broken("hours past midnight", "    hours: \"08:00-21:00\"\n    noContactDays",
                        "    hours: \"08:00-24:00\"\n    noContactDays",
                        "field 'channels.voice.hours': '08:00-24:00' is not a time range HH:mm-HH:mm"),
                broken("unknown day", "noContactDays: [sunday]", "noContactDays: [sun]",
                        "field 'channels.voice.noContactDays[0]': unknown day 'sun'"),
                broken("every day", "noContactDays: [sunday]", "noContactDays: [monday, tuesday, wednesday,"
                                + " thursday, friday, saturday, sunday]",
                        "field 'channels.voice.noContactDays': lists every day"),
                broken("lockout not in days", "lockoutAfterConversation: P7D", "lockoutAfterConversation: PT168H",
                        "field 'channels.voice.lockoutAfterConversation': 'PT168H' must be whole days"),
                broken("lockout too long", "lockoutAfterConversation: P7D", "lockoutAfterConversation: P40D",
                        "field 'channels.voice.lockoutAfterConversation': 'P40D' is longer than P31D"),
                broken("call conduct on sms", "    hours: \"08:00-21:00\"\n    caps:\n      - { id: 3-in-7",
                        "    hours: \"08:00-21:00\"\n    call: { voicemail: none }\n    caps:\n      - { id: 3-in-7",
                        "field 'channels.sms.call': applies to calls only"),
                broken("unknown voicemail choice", "lockoutAfterConversation: P7D",
                        "lockoutAfterConversation: P7D\n    call: { voicemail: full }",
                        "field 'channels.voice.call.voicemail': must be limited or none, not 'full'"),
                broken("disclosure as text", "lockoutAfterConversation: P7D",
                        "lockoutAfterConversation: P7D\n    call: { disclosure: \"yes\" }",
                        "field 'channels.voice.call.disclosure': must be true or false"),
                broken("promise horizon out of range", "lockoutAfterConversation: P7D",
                        "lockoutAfterConversation: P7D\n    call: { promiseWithinDays: 400 }",
                        "field 'channels.voice.call.promiseWithinDays': must be 0 to 365 days, not 400"),
                broken("unknown call field", "lockoutAfterConversation: P7D",
                        "lockoutAfterConversation: P7D\n    call: { script: x }",
                        "field 'channels.voice.call.script': unknown field"),
                broken("lockout on sms", "    hours: \"08:00-21:00\"\n    caps:\n      - { id: 3-in-7",
                        "    hours: \"08:00-21:00\"\n    lockoutAfterConversation: P7D\n    caps:\n      - { id: 3-in-7",
                        "field 'channels.sms.lockoutAfterConversation': applies to calls only"),
                broken("bad window", "window: P7D, scope: debt, counts: [call_placed]",
                        "window: P1W, scope: debt, counts: [call_placed]",
                        "field 'channels.voice.caps[0].window': 'P1W' is not an ISO-8601 duration"),
                broken("zero window", "window: P7D, scope: debt, counts: [call_placed]",
                        "window: PT0S, scope: debt, counts: [call_placed]",
                        "field 'channels.voice.caps[0].window': 'PT0S' must be longer than zero"),
                broken("negative window", "window: P7D, scope: debt, counts: [call_placed]",
                        "window: -P7D, scope: debt, counts: [call_placed]",
                        "field 'channels.voice.caps[0].window': '-P7D' must be longer than zero"),
                broken("window over 31 days", "window: P7D, scope: debt, counts: [call_placed]",
                        "window: P32D, scope: debt, counts: [call_placed]",
                        "field 'channels.voice.caps[0].window': 'P32D' is longer than P31D"),
                broken("negative max", "max: 7,", "max: -1,",
                        "field 'channels.voice.caps[0].max': -1 is negative"),
                broken("fractional max", "max: 7,", "max: 2.5,",
                        "field 'channels.voice.caps[0].max': must be a whole number, not 2.5"),
                broken("missing max", "id: 7-in-7, max: 7,", "id: 7-in-7,",
                        "field 'channels.voice.caps[0].max': is required"),
                broken("unknown scope", "scope: debt, counts: [call_placed] }", "scope: case, counts: [call_placed] }",
                        "field 'channels.voice.caps[0].scope': unknown cap scope 'case'"),
                broken("scope in capitals", "scope: debt, counts: [call_placed] }", "scope: DEBT, counts: [call_placed] }",
                        "field 'channels.voice.caps[0].scope': 'DEBT' must be written 'debt'"),
                broken("unknown kind", "counts: [call_placed] }\n      - { id: work", "counts: [call] }\n      - { id: work",
                        "field 'channels.voice.caps[0].counts[0]': unknown contact kind 'call'"),
                broken("no kinds", "counts: [call_placed] }\n      - { id: work", "counts: [] }\n      - { id: work",
                        "field 'channels.voice.caps[0].counts': must list at least one value"),
                broken("kind of another channel", "counts: [call_placed] }\n      - { id: work",
                        "counts: [call_placed, sms] }\n      - { id: work",
                        "field 'channels.voice.caps[0].counts': 'sms' is a sms contact, which this cap never counts"),
                broken("unknown contact type", "toTypes: [work]", "toTypes: [office]",
                        "field 'channels.voice.caps[1].toTypes[0]': unknown contact point type 'office'"),
                broken("empty contact types", "toTypes: [work]", "toTypes: []",
                        "field 'channels.voice.caps[1].toTypes': must list at least one value"),
                broken("duplicate cap id", "{ id: work,", "{ id: 7-in-7,",
                        "field 'channels.voice.caps[1].id': duplicate cap id '7-in-7': also the id of"
                                + " channels.voice.caps[0]"),
                broken("cap id with a slash", "{ id: work,", "{ id: voice/work,",
                        "field 'channels.voice.caps[1].id': 'voice/work' must be lower-case letters and digits"),
                broken("unknown cap field", "toTypes: [work]", "toTypes: [work], per: week",
                        "field 'channels.voice.caps[1].per': unknown field (expected one of id, max, window"),
                broken("channels on a channel's cap", "toTypes: [work]", "toTypes: [work], channels: [sms]",
                        "field 'channels.voice.caps[1].channels': a cap under a channel counts that channel only"),
                broken("cross-channel cap without channels", ", channels: [voice, sms] }", " }",
                        "field 'caps[0].channels': is required"),
                broken("cross-channel cap with an unknown channel", "channels: [voice, sms] }",
                        "channels: [voice, sms, fax] }",
                        "field 'caps[0].channels[2]': unknown channel 'fax'"),
                broken("cross-channel cap listing a channel it never counts", "channels: [voice, sms] }",
                        "channels: [voice, sms, email] }",
                        "field 'caps[0].channels': 'email' is listed but none of the counted kinds is a email contact"),
                broken("cross-channel cap counting a channel it does not list", "channels: [voice, sms] }",
                        "channels: [voice] }",
                        "field 'caps[0].counts': 'sms' is a sms contact, which this cap never counts"),
                broken("duplicate key", "thirdPartyAfterFailures: 3", "thirdPartyAfterFailures: 3\nid: again",
                        "line 5, column 3: not valid YAML: Duplicate field 'id'"),
                broken("no channels", VALID.substring(VALID.indexOf("channels:"), VALID.indexOf("caps:\n  - {")),
                        "channels: {}\n", "field 'channels': must list at least one channel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPacks")
    void reportsTheFileAndField(String title, String yaml, String expected) {
        RulePackException e = assertThrows(RulePackException.class, () -> parser.parse(FILE, yaml));
        assertEquals(FILE, e.getSource());
        assertTrue(e.getErrors().stream().anyMatch(error -> error.startsWith(expected)),
                () -> "expected an error starting with\n  " + expected + "\nbut got\n  "
                        + String.join("\n  ", e.getErrors()));
    }

    @Test
    void theBasePackIsValid() {
        assertEquals("test-pack", parser.parse(FILE, VALID).id());
    }

    @Test
    void collectsEveryErrorOfAFile() {
        String yaml = VALID.replace("id: test-pack", "id: other")
                .replace("hours: \"08:00-21:00\"\n    noContactDays", "hours: \"21:00-08:00\"\n    noContactDays")
                .replace("max: 7,", "max: -7,")
                .replace("counts: [sms] }", "counts: [sms, letter] }");

        RulePackException e = assertThrows(RulePackException.class, () -> parser.parse(FILE, yaml));

        assertEquals(List.of(
                FILE + ": field 'id': 'other' does not match the file name: the pack in test-pack.yaml must have id"
                        + " 'test-pack'",
                FILE + ": field 'channels.voice.hours': '21:00-08:00' must start before it ends, within one day",
                FILE + ": field 'channels.voice.caps[0].max': -7 is negative: max must be 0 or more",
                FILE + ": field 'channels.sms.caps[0].counts': 'letter' is a letter contact, which this cap never"
                        + " counts (it counts its channel, sms)"), e.getErrors());
        assertTrue(e.getMessage().startsWith("4 errors in " + FILE), e.getMessage());
    }

    static Stream<Arguments> notAPack() {
        return Stream.of(
                Arguments.of("empty file", "", FILE + ": is empty: expected a rule pack with fields id, description"),
                Arguments.of("a list", "- id: x\n", FILE + ": must be a mapping with fields id, description"),
                Arguments.of("broken YAML", "id: [unclosed\n", FILE + ": line 2, column 1: not valid YAML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notAPack")
    void refusesADocumentThatIsNotAPack(String title, String yaml, String expected) {
        RulePackException e = assertThrows(RulePackException.class, () -> parser.parse(FILE, yaml));
        assertEquals(1, e.getErrors().size(), e.getErrors()::toString);
        assertTrue(e.getErrors().get(0).startsWith(expected), e.getErrors().get(0));
    }
}
