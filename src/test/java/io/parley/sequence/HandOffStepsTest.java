package io.parley.sequence;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-off steps in sequence files: named by their kind, validated like every step, branching on their outcomes. */
class HandOffStepsTest {
    private static final List<AttemptOutcome> VISIT_OUTCOMES = List.of("reached", "not_reached", "third_party",
            "refused", "address_invalid", "promised", "timeout").stream().map(AttemptOutcome::of).toList();
    private final SequenceParser parser = new SequenceParser(BranchOutcomes.of(Map.of(Channel.VISIT, VISIT_OUTCOMES)));
    private final SequenceEngine engine = new SequenceEngine();
    private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");
    private static final EnrollmentClock CLOCK = new EnrollmentClock(T0, null, ZoneId.of("America/New_York"));

    private static final String VISIT = """
            name: visit-then
            version: 1
            stopOn: [payment_received]
            steps:
              - id: visit
                kind: visit
                template: visit-m2
                at: { anchor: enrollment, after: PT0S }
                on: { reached: end, not_reached: text, promised: after-promise, timeout: place }
              - id: text
                channel: sms
                template: demo-sms-2
                at: { anchor: previous, after: PT5S }
              - id: after-promise
                channel: sms
                template: demo-sms-2
                at: { anchor: previous, after: PT5S }
              - id: place
                kind: agency
                template: agency-placement
                at: { anchor: previous, after: PT1H }
              - id: sue
                kind: legal
                template: legal-referral
                at: { anchor: previous, days: 30, localTime: "09:00" }
            """;

    @Test
    void aKindNamesTheHandOffChannel() {
        SequenceDefinition def = parser.parseYaml("visit-then.yaml", VISIT);
        assertEquals(List.of(Channel.VISIT, Channel.SMS, Channel.SMS, Channel.AGENCY, Channel.LEGAL),
                def.steps().stream().map(Step::channel).toList());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"reached, -", "not_reached, text", "promised, after-promise", "timeout, place",
            "third_party, text", "refused, text"})
    void aVisitBranchesOnItsOutcome(String outcome, String next) {
        SequenceDefinition def = parser.parseYaml("visit-then.yaml", VISIT);
        Plan plan = engine.next(def, "visit", AttemptOutcome.of(outcome), 0, T0, CLOCK);
        assertEquals(next, plan instanceof Plan.RunStep run ? run.step().id() : "-");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "kind: visit\\n    channel: sms | a step has a kind or a channel, not both",
            "kind: courier                  | unknown kind 'courier' (expected one of visit, agency, legal)",
            "kind: agency\\n    on: { reached: end } | reached"})
    void aBadKindIsAnError(String fields, String expected) {
        String yaml = """
                name: bad
                version: 1
                stopOn: [payment_received]
                steps:
                  - id: one
                    %s
                    template: visit-m2
                    at: { anchor: enrollment, after: PT0S }
                """.formatted(fields.replace("\\n", "\n"));
        var e = assertThrows(SequenceDefinitionException.class, () -> parser.parseYaml("bad.yaml", yaml));
        assertTrue(e.getErrors().stream().anyMatch(error -> error.contains(expected)), e::getMessage);
    }
}
