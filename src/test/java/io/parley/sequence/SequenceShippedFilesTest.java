package io.parley.sequence;

import io.parley.domain.CaseEventType;
import io.parley.domain.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sequences shipped in conf/sequences parse and say what they are meant to say. */
class SequenceShippedFilesTest {
    private static final Path DIR = Path.of("conf", "sequences");
    /** The outcomes of the registered channel modules (a call is reached, not_reached...), as the service parses. */
    private static final SequenceParser PARSER = io.parley.testing.TestSequences.parser();
    private final SequenceParser parser = PARSER;

    static Stream<Arguments> shippedFiles() {
        return Stream.of(
                Arguments.of("pre-due-reminder.yaml", "pre-due-reminder",
                        List.of("sms:pre-due-sms", "email:pre-due-email", "sms:due-today-sms")),
                Arguments.of("m1-early.yaml", "m1-early",
                        List.of("sms:m1-sms-1", "email:m1-email-1", "voice:m1-ivr", "voice:m1-ivr", "sms:m1-sms-2",
                                "email:m1-email-1", "letter:m1-letter")),
                Arguments.of("m2-mid.yaml", "m2-mid",
                        List.of("letter:m2-letter", "voice:m2-ivr", "voice:m2-ivr", "email:m2-email",
                                "voice:m2-ivr", "sms:m2-sms", "letter:m2-letter", "visit:visit-m2",
                                "agency:agency-placement")),
                Arguments.of("demo.yaml", "demo", List.of("sms:demo-sms-1", "email:demo-email", "sms:demo-sms-2")),
                Arguments.of("demo-wechat.yaml", "demo-wechat",
                        List.of("wechat:demo-wechat-1", "wechat:demo-wechat-2")),
                Arguments.of("demo-letter.yaml", "demo-letter", List.of("letter:m2-letter", "sms:demo-sms-2")),
                Arguments.of("demo-visit.yaml", "demo-visit",
                        List.of("visit:visit-m2", "sms:demo-sms-2", "sms:demo-sms-2")),
                Arguments.of("demo-voice.yaml", "demo-voice",
                        List.of("voice:m1-ivr", "voice:m1-ivr", "sms:demo-sms-2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedFiles")
    void parsesWithStopAndPauseEvents(String file, String name, List<String> channelsAndTemplates) throws IOException {
        Path path = DIR.resolve(file);
        SequenceDefinition definition = parser.parseYaml(path.toString(), Files.readString(path));

        assertEquals(name, definition.name());
        assertEquals(channelsAndTemplates, definition.steps().stream()
                .map(s -> s.channel().wire() + ":" + s.template()).toList());
        assertTrue(definition.stopsOn(CaseEventType.PAYMENT_RECEIVED));
        assertTrue(definition.stopsOn(CaseEventType.CEASE_REQUEST));
        assertTrue(definition.stopsOn(CaseEventType.DISPUTE));
        assertTrue(definition.stopsOn(CaseEventType.ATTORNEY));
        assertTrue(definition.stopsOn(CaseEventType.BANKRUPTCY));
        assertTrue(definition.pausesOn(CaseEventType.PROMISE_TO_PAY));
        assertTrue(!definition.description().isBlank());
    }

    @Test
    void everyFileInTheDirectoryIsCovered() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            assertEquals(shippedFiles().map(a -> (String) a.get()[0]).sorted().toList(),
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                            .sorted().toList());
        }
    }

    @Test
    void earlyStageIvrFallsBackToSms() {
        SequenceDefinition m1 = SequenceCatalog.loadDirectory(DIR, PARSER).latest("m1-early").orElseThrow();
        Step ivr = m1.step("ivr-day-3").orElseThrow();
        assertEquals(List.of(new Fallback(Channel.SMS, "m1-sms-2")), ivr.fallback());
        assertEquals(new Timing.LocalTimeOfDay(Anchor.ENROLLMENT, 2, java.time.LocalTime.of(10, 0)), ivr.timing());
    }

    @Test
    void callStepsBranchOnHowTheCallWent() {
        SequenceCatalog catalog = SequenceCatalog.loadDirectory(DIR, PARSER);
        List<String> outcomes = List.of("reached", "not_reached", "third_party", "machine", "promised",
                "transferred");
        for (String name : List.of("m1-early", "m2-mid", "demo-voice")) {
            catalog.latest(name).orElseThrow().steps().stream().filter(s -> s.channel() == Channel.VOICE)
                    .forEach(step -> outcomes.forEach(outcome -> assertTrue(step.branch(
                            io.parley.domain.AttemptOutcome.of(outcome)).isPresent(), name + " step " + step.id()
                            + " branches on " + outcome)));
        }
    }

    @Test
    void preDueReminderNeedsADueDateAndDemoDoesNot() {
        SequenceCatalog catalog = SequenceCatalog.loadDirectory(DIR, PARSER);
        assertTrue(catalog.latest("pre-due-reminder").orElseThrow().needsDueDate());
        assertTrue(!catalog.latest("demo").orElseThrow().needsDueDate());
    }
}
