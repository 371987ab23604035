package io.parley.sequence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceExperimentTest {
    private static final String DOC = """
            name: m1
            version: 1
            stopOn: [payment_received]
            steps:
              - id: a
                channel: sms
                template: t-a
                at: { anchor: enrollment, after: PT0S }
            """;
    private final SequenceParser parser = new SequenceParser();

    @Test
    void variantsWithWeightsAreReadAndSurviveTheRoundTrip() {
        SequenceDefinition def = parser.parseYaml("m1.yaml", DOC + """
                experiment:
                  name: m1-2026-q1
                  variants:
                    - {name: champion, weight: 80}
                    - {name: challenger, weight: 20}
                """);
        assertEquals(new Experiment("m1-2026-q1", List.of(new Experiment.Variant("champion", 80),
                new Experiment.Variant("challenger", 20))), def.experiment());
        assertEquals(def, parser.parse("snapshot", parser.toTree(def)));
    }

    private static final String OWN = "{id: %s, channel: sms, template: t-%s, at: {anchor: previous, after: PT1H}%s}";

    @Test
    void aVariantRunsItsOwnStepsInTheirOrder() {
        SequenceDefinition def = parser.parseYaml("m1.yaml", DOC + """
                experiment:
                  name: m1-2026-q1
                  variants:
                    - {name: champion, weight: 1}
                    - name: challenger
                      weight: 1
                      onBrokenPromise: c2
                      steps: [%s, %s]
                """.formatted(OWN.formatted("c1", "c1", ""), OWN.formatted("c2", "c2", "")));
        SequenceDefinition challenger = def.arm("challenger");
        assertEquals(List.of("c1", "c2"), challenger.steps().stream().map(Step::id).toList());
        assertEquals("c2", challenger.onBrokenPromise());
        assertEquals("c1", challenger.first().id());
        assertEquals(def, def.arm("champion"));
        assertEquals(def, def.arm(null));
        assertEquals(def, def.arm("a-variant-no-longer-listed"));
        // the full definition finds a variant's steps and their order (how running enrollments move on)
        assertEquals("c2", def.after(def.step("c1").orElseThrow()).orElseThrow().id());
        assertTrue(def.after(def.step("c2").orElseThrow()).isEmpty());
        assertTrue(def.after(def.step("a").orElseThrow()).isEmpty());
        assertEquals(List.of("a", "c1", "c2"), def.allSteps().stream().map(Step::id).toList());
        assertEquals(def, parser.parse("snapshot", parser.toTree(def)));
    }

    @Test
    void noExperimentIsNone() {
        assertNull(parser.parseYaml("m1.yaml", DOC).experiment());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {name: x, variants: [{name: a, weight: 1}]}                          | must list at least two variants
            {name: x, variants: [{name: a, weight: 0}, {name: b, weight: 1}]}   | 0 is not a weight
            {name: x, variants: [{name: a, weight: 1}, {name: a, weight: 1}]}   | 'a' is listed twice
            {name: X Y, variants: [{name: a, weight: 1}, {name: b, weight: 1}]} | 'X Y' must be lower-case
            {variants: [{name: a, weight: 1}, {name: b, weight: 1}]}            | field 'experiment.name': is required
            {name: x, variants: [{name: a}, {name: b, weight: 1}]}              | weight': is required
            {name: x, variants: [{name: a, weight: 1, colour: red}, {name: b, weight: 1}]} | unknown field
            {name: x, arms: []}                                                  | unknown field
            {name: x, variants: [{name: a, weight: 1}, {name: b, weight: 1, steps: []}]} | must list at least one step
            {name: x, variants: [{name: a, weight: 1}, {name: b, weight: 1, steps: [{id: a, channel: sms, template: t, at: {anchor: enrollment, after: PT0S}}]}]} | step id 'a' is already a step of the sequence
            {name: x, variants: [{name: a, weight: 1, steps: [{id: s, channel: sms, template: t, at: {anchor: enrollment, after: PT0S}}]}, {name: b, weight: 1, steps: [{id: s, channel: sms, template: t, at: {anchor: enrollment, after: PT0S}}]}]} | step id 's' is already a step of variant 'a'
            {name: x, variants: [{name: a, weight: 1}, {name: b, weight: 1, onBrokenPromise: a, steps: [{id: b1, channel: sms, template: t, at: {anchor: enrollment, after: PT0S}}]}]} | not one of this variant's own steps
            {name: x, variants: [{name: a, weight: 1}, {name: b, weight: 1, steps: [{id: b1, channel: sms, template: t, at: {anchor: enrollment, after: PT0S}, on: {failed: a}}]}]} | 'a' is not a step of this sequence
            """)
    void badExperimentsAreRefusedNamingTheField(String experiment, String message) {
        var e = assertThrows(SequenceDefinitionException.class,
                () -> parser.parseYaml("m1.yaml", DOC + "experiment: " + experiment + "\n"));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
