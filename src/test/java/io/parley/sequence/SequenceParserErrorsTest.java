package io.parley.sequence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceParserErrorsTest {
    private static final String FILE = "conf/sequences/bad.yaml";
    private static final String HEADER = """
            name: bad
            version: 1
            stopOn: [payment_received]
            """;
    private static final String STEP_A = """
              - id: a
                channel: sms
                template: t-a
                at: { anchor: enrollment, after: PT0S }
            """;

    private final SequenceParser parser = new SequenceParser();

    /** A document with the standard header and these steps. */
    private static String steps(String steps) {
        return HEADER + "steps:\n" + steps;
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                Arguments.of("bad duration", steps(STEP_A + """
                          - id: email-followup
                            channel: email
                            template: t-email
                            at: { anchor: previous, after: P1X }
                        """), "step 'email-followup': field 'at.after': 'P1X' is not an ISO-8601 duration"),
                Arguments.of("months are not a duration", steps(STEP_A.replace("PT0S", "P1M")),
                        "step 'a': field 'at.after': 'P1M' is not an ISO-8601 duration"),
                Arguments.of("sub-second duration", steps(STEP_A.replace("PT0S", "PT0.5S")),
                        "step 'a': field 'at.after': 'PT0.5S' has a fraction of a second"),
                Arguments.of("negative delay", steps(STEP_A.replace("PT0S", "-PT1H")),
                        "step 'a': field 'at.after': '-PT1H' is negative"),
                Arguments.of("too long a delay", steps(STEP_A.replace("PT0S", "P400D")),
                        "step 'a': field 'at.after': 'P400D' is longer than P365D"),
                Arguments.of("unknown top-level key", HEADER + "colour: red\nsteps:\n" + STEP_A,
                        FILE + ": field 'colour': unknown field (expected one of name, version, description"),
                Arguments.of("missing name", steps(STEP_A).replace("name: bad\n", ""),
                        FILE + ": field 'name': is required"),
                Arguments.of("name with capitals", steps(STEP_A).replace("name: bad", "name: Bad Seq"),
                        FILE + ": field 'name': 'Bad Seq' must be lower-case letters, digits and single dashes"),
                Arguments.of("version zero", steps(STEP_A).replace("version: 1", "version: 0"),
                        FILE + ": field 'version': 0 is not a positive version number"),
                Arguments.of("version as text", steps(STEP_A).replace("version: 1", "version: three"),
                        FILE + ": field 'version': must be a whole number, not 'three'"),
                Arguments.of("missing stopOn", steps(STEP_A).replace("stopOn: [payment_received]\n", ""),
                        FILE + ": field 'stopOn': is required"),
                Arguments.of("unknown stop event", steps(STEP_A).replace("[payment_received]", "[payment_received, paid]"),
                        FILE + ": field 'stopOn[1]': unknown event type 'paid'"),
                Arguments.of("event both stops and pauses", steps(STEP_A) + "pauseOn: [dispute]\n"
                                .replace("dispute", "payment_received"),
                        FILE + ": field 'pauseOn': 'payment_received' is also in stopOn"),
                Arguments.of("no steps", HEADER + "steps: []\n", FILE + ": field 'steps': must list at least one step"),
                Arguments.of("step not a mapping", HEADER + "steps:\n  - sms\n",
                        FILE + ": step #1: must be a mapping with fields id, kind, channel, template, at"),
                Arguments.of("unknown step key", steps(STEP_A + "    chanel: sms\n"),
                        FILE + ": step 'a': field 'chanel': unknown field (expected one of id, kind, channel"),
                Arguments.of("missing template", steps(STEP_A.replace("    template: t-a\n", "")),
                        FILE + ": step 'a': field 'template': is required"),
                Arguments.of("missing at", steps(STEP_A.replace("    at: { anchor: enrollment, after: PT0S }\n", "")),
                        FILE + ": step 'a': field 'at': is required"),
                Arguments.of("step id end is reserved", steps(STEP_A.replace("id: a", "id: end")),
                        FILE + ": step #1: field 'id': 'end' is reserved"),
                Arguments.of("duplicate step ids", steps(STEP_A + STEP_A),
                        FILE + ": step 'a': field 'id': duplicate step id: steps #1 and #2 are both 'a'"),
                Arguments.of("unknown channel", steps(STEP_A.replace("channel: sms", "channel: fax")),
                        FILE + ": step 'a': field 'channel': unknown channel 'fax'"),
                Arguments.of("unknown anchor", steps(STEP_A.replace("anchor: enrollment", "anchor: yesterday")),
                        FILE + ": step 'a': field 'at.anchor': unknown anchor 'yesterday'"),
                Arguments.of("after and localTime together",
                        steps(STEP_A.replace("after: PT0S", "after: PT0S, localTime: \"10:00\"")),
                        FILE + ": step 'a': field 'at.after': give either 'after' or 'localTime'"),
                Arguments.of("neither after nor localTime", steps(STEP_A.replace(", after: PT0S", "")),
                        FILE + ": step 'a': field 'at.after': is required (or 'localTime' with optional 'days')"),
                Arguments.of("days without localTime", steps(STEP_A.replace("after: PT0S", "days: 2")),
                        FILE + ": step 'a': field 'at.localTime': is required"),
                Arguments.of("bad local time", steps(STEP_A.replace("after: PT0S", "localTime: \"25:00\"")),
                        FILE + ": step 'a': field 'at.localTime': '25:00' is not a time of day"),
                Arguments.of("negative days from enrollment",
                        steps(STEP_A.replace("after: PT0S", "days: -2, localTime: \"10:00\"")),
                        FILE + ": step 'a': field 'at.days': -2 counts back from the enrollment; negative days are"
                                + " only allowed with anchor due_date"),
                Arguments.of("days out of range",
                        steps(STEP_A.replace("anchor: enrollment, after: PT0S", "anchor: due_date, days: -400, localTime: \"10:00\"")),
                        FILE + ": step 'a': field 'at.days': -400 is out of range"),
                Arguments.of("unknown skip condition", steps(STEP_A + "    skipIf: [paid]\n"),
                        FILE + ": step 'a': field 'skipIf[0]': unknown skip condition 'paid'"),
                Arguments.of("skip condition twice", steps(STEP_A + "    skipIf: [replied, replied]\n"),
                        FILE + ": step 'a': field 'skipIf[1]': 'replied' is listed twice"),
                Arguments.of("retry max zero", steps(STEP_A + "    retry: { max: 0, backoff: PT1H }\n"),
                        FILE + ": step 'a': field 'retry.max': 0 is out of range (1 to 10"),
                Arguments.of("retry without backoff", steps(STEP_A + "    retry: { max: 2 }\n"),
                        FILE + ": step 'a': field 'retry.backoff': is required"),
                Arguments.of("retry backoff zero", steps(STEP_A + "    retry: { max: 2, backoff: PT0S }\n"),
                        FILE + ": step 'a': field 'retry.backoff': must be positive"),
                Arguments.of("fallback is the own channel", steps(STEP_A
                                + "    fallback: [{ channel: email, template: t-e }, { channel: sms, template: t-s }]\n"),
                        FILE + ": step 'a': field 'fallback': 'sms' is the step's own channel"),
                Arguments.of("unknown fallback channel", steps(STEP_A + "    fallback: [{ channel: pigeon, template: t }]\n"),
                        FILE + ": step 'a': field 'fallback[0].channel': unknown channel 'pigeon'"),
                Arguments.of("broken-promise branch to no step", "name: x\nversion: 1\nstopOn: [dispute]\n"
                                + "onBrokenPromise: nowhere\nsteps:\n" + STEP_A,
                        "field 'onBrokenPromise': 'nowhere' is not a step of this sequence"),
                Arguments.of("voicemail on an sms step", steps(STEP_A + "    voicemail: callback-please\n"),
                        FILE + ": step 'a': field 'voicemail': only voice steps can leave a voicemail"),
                Arguments.of("unknown audience", steps(STEP_A + "    audience: neighbours\n"),
                        FILE + ": step 'a': field 'audience': unknown audience 'neighbours'"),
                Arguments.of("fallback without template", steps(STEP_A + "    fallback: [{ channel: email }]\n"),
                        FILE + ": step 'a': field 'fallback[0].template': is required"),
                Arguments.of("fallback as a bare channel", steps(STEP_A + "    fallback: [email]\n"),
                        FILE + ": step 'a': field 'fallback[0]': must be a mapping with fields channel, template"),
                Arguments.of("fallback channel twice", steps(STEP_A
                                + "    fallback: [{ channel: email, template: a }, { channel: email, template: b }]\n"),
                        FILE + ": step 'a': field 'fallback[1].channel': 'email' is listed twice"),
                Arguments.of("unknown outcome", steps(STEP_A + "    on: { bounced: end }\n"),
                        FILE + ": step 'a': field 'on.bounced': unknown field (expected one of delivered, failed,"
                                + " no_answer, replied, suppressed, unknown)"),
                Arguments.of("branch to a missing step", steps(STEP_A + "    on: { failed: nowhere }\n" + STEP_A.replace("id: a", "id: b")),
                        FILE + ": step 'a': field 'on.failed': 'nowhere' is not a step of this sequence (steps: a, b) nor 'end'"),
                Arguments.of("unreachable step", steps(STEP_A + "    on: { delivered: end, failed: end, no_answer: end,"
                                + " replied: end, suppressed: end, unknown: end }\n" + STEP_A.replace("id: a", "id: b")),
                        FILE + ": step 'b': is never reached"),
                Arguments.of("branch to itself without waiting", steps(STEP_A + "    on: { no_answer: a }\n"),
                        FILE + ": field 'steps': 'a' -> 'a' can loop forever without waiting"),
                Arguments.of("loop through two steps without waiting", steps(STEP_A + STEP_A.replace("id: a", "id: b")
                                .replace("anchor: enrollment, after: PT0S", "anchor: due_date, days: 1, localTime: \"10:00\"")
                                + "    on: { failed: a }\n"),
                        FILE + ": field 'steps': 'a' -> 'b' -> 'a' can loop forever without waiting"),
                Arguments.of("empty document", "", FILE + ": is empty"),
                Arguments.of("not a mapping", "- a\n- b\n", FILE + ": must be a mapping with fields name, version"),
                Arguments.of("YAML syntax", "name: [bad\n", FILE + ": line 2, column 1: not valid YAML"),
                Arguments.of("duplicate YAML key", steps(STEP_A) + "name: again\n", "not valid YAML: Duplicate field 'name'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void reportsWhatIsWrongAndWhere(String title, String yaml, String expected) {
        var e = assertThrows(SequenceDefinitionException.class, () -> parser.parseYaml(FILE, yaml));
        assertTrue(e.getErrors().stream().anyMatch(error -> error.contains(expected)),
                () -> "expected an error containing\n  " + expected + "\nbut got\n  " + String.join("\n  ", e.getErrors()));
        assertTrue(e.getErrors().stream().allMatch(error -> error.startsWith(FILE + ": ")), e::getMessage);
        assertEquals(FILE, e.getSource());
    }

    @Test
    void collectsEveryErrorOfAFileIntoOneException() {
        String yaml = steps(STEP_A.replace("channel: sms", "channel: fax").replace("PT0S", "P1X")
                + "    retry: { max: 99, backoff: PT1H }\n").replace("version: 1", "version: -1");
        var e = assertThrows(SequenceDefinitionException.class, () -> parser.parseYaml(FILE, yaml));
        assertEquals(List.of(
                FILE + ": field 'version': -1 is not a positive version number",
                FILE + ": step 'a': field 'channel': unknown channel 'fax' (expected one of sms, voice, email, wechat, letter, visit, agency, legal)",
                FILE + ": step 'a': field 'at.after': 'P1X' is not an ISO-8601 duration (e.g. PT0S, PT30M, PT2H, P1D)",
                FILE + ": step 'a': field 'retry.max': 99 is out of range (1 to 10; leave 'retry' out for no retries)"),
                e.getErrors());
        assertTrue(e.getMessage().startsWith("4 errors in " + FILE + ":\n  " + FILE + ": field 'version'"), e.getMessage());
    }

    @Test
    void checksTreesFromSnapshotsTheSameWay() {
        Map<String, Object> tree = Map.of("name", "snap", "version", 2L, "stopOn", List.of("dispute"),
                "steps", List.of(Map.of("id", "a", "channel", "sms", "template", "t",
                        "at", Map.of("anchor", "previous", "after", 3600))));
        var e = assertThrows(SequenceDefinitionException.class, () -> parser.parse("enrollment 42 snapshot", tree));
        assertEquals(List.of("enrollment 42 snapshot: step 'a': field 'at.after': must be a non-empty string, not 3600"),
                e.getErrors());
    }
}
