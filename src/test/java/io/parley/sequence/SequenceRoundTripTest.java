package io.parley.sequence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.CaseEventType;
import io.parley.domain.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Definitions survive being snapshotted as a tree and as JSON text, the way enrollments store them. */
class SequenceRoundTripTest {
    private final SequenceParser parser = io.parley.testing.TestSequences.parser();
    private final ObjectMapper json = new ObjectMapper();

    static Collection<SequenceDefinition> definitions() {
        SequenceDefinition everything = new SequenceDefinition("every-feature", 7, "All fields set",
                List.of(new Step("first", Channel.WECHAT, "t-first", new Timing.AfterDelay(Anchor.ENROLLMENT,
                                Duration.ofSeconds(3725)), Set.of(SkipCondition.DELIVERED_ON_CHANNEL, SkipCondition.REPLIED),
                                Map.of(AttemptOutcome.NO_ANSWER, "last", AttemptOutcome.REPLIED, Step.END),
                                new RetryPolicy(3, Duration.ofMinutes(90)), List.of(new Fallback(Channel.SMS, "t-first-sms"),
                                new Fallback(Channel.EMAIL, "t-first-email")), Audience.THIRD_PARTY, null),
                        new Step("middle", Channel.VOICE, "t-middle",
                                new Timing.LocalTimeOfDay(Anchor.DUE_DATE, -3, LocalTime.of(9, 15, 30)), null, null,
                                null, null, null, "t-voicemail"),
                        Step.simple("last", Channel.LETTER, "t-last", new Timing.AfterDelay(Anchor.PREVIOUS,
                                Duration.ofDays(2)))),
                Set.of(CaseEventType.PAYMENT_RECEIVED, CaseEventType.BANKRUPTCY), Set.of());
        SequenceDefinition bare = new SequenceDefinition("bare", 1, null,
                List.of(Step.simple("only", Channel.SMS, "t-only", new Timing.AfterDelay(Anchor.ENROLLMENT,
                        Duration.ZERO))), Set.of(CaseEventType.DISPUTE), Set.of());
        var shipped = io.parley.testing.TestSequences.shipped().all();
        return java.util.stream.Stream.concat(shipped.stream(), java.util.stream.Stream.of(everything, bare)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void treeParsesBackToAnEqualDefinition(SequenceDefinition definition) {
        assertEquals(definition, parser.parse("snapshot", parser.toTree(definition)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void jsonTextParsesBackToAnEqualDefinition(SequenceDefinition definition) throws Exception {
        String text = json.writeValueAsString(parser.toTree(definition));
        Map<String, Object> tree = json.readValue(text, new TypeReference<>() {
        });
        assertEquals(definition, parser.parse("snapshot", tree));
    }

    @Test
    void treeUsesTheFileFormat() {
        SequenceDefinition definition = definitions().stream().filter(d -> d.name().equals("every-feature"))
                .findFirst().orElseThrow();
        Map<String, Object> tree = parser.toTree(definition);
        List<?> steps = (List<?>) tree.get("steps");
        assertEquals(List.of("payment_received", "bankruptcy"), tree.get("stopOn"));
        assertEquals(Map.of("id", "first", "channel", "wechat", "template", "t-first",
                "at", Map.of("anchor", "enrollment", "after", "PT1H2M5S"),
                "skipIf", List.of("replied", "delivered_on_channel"),
                "retry", Map.of("max", 3, "backoff", "PT1H30M"),
                "fallback", List.of(Map.of("channel", "sms", "template", "t-first-sms"),
                        Map.of("channel", "email", "template", "t-first-email")),
                "on", Map.of("no_answer", "last", "replied", "end"), "audience", "third_party"), steps.get(0));
        assertEquals(Map.of("anchor", "due_date", "days", -3, "localTime", "09:15:30"),
                ((Map<?, ?>) steps.get(1)).get("at"));
        assertEquals(Map.of("anchor", "previous", "after", "P2D"), ((Map<?, ?>) steps.get(2)).get("at"));
    }
}
