package io.parley.sequence;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.parley.domain.AttemptOutcome.DELIVERED;
import static io.parley.domain.AttemptOutcome.FAILED;
import static io.parley.domain.AttemptOutcome.NO_ANSWER;
import static io.parley.domain.AttemptOutcome.REPLIED;
import static io.parley.domain.AttemptOutcome.SUPPRESSED;
import static io.parley.domain.AttemptOutcome.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Branches, retries, the end of a sequence, skips and the happy-path projection. */
class SequenceEngineTest {
    private static final SequenceDefinition FLOW = new SequenceParser().parseYaml("flow.yaml", """
            name: flow
            version: 1
            stopOn: [payment_received]
            steps:
              - id: first-sms
                channel: sms
                template: t-sms
                at: { anchor: enrollment, after: PT0S }
                retry: { max: 2, backoff: PT2H }
              - id: call
                channel: voice
                template: t-call
                at: { anchor: previous, after: P1D }
                on: { no_answer: letter, failed: letter, replied: end }
              - id: email
                channel: email
                template: t-email
                at: { anchor: previous, after: PT30M }
                skipIf: [replied, promised_to_pay]
                on: { suppressed: letter, unknown: end }
              - id: chase-sms
                channel: sms
                template: t-chase
                at: { anchor: previous, after: PT1H }
                skipIf: [delivered_on_channel]
              - id: letter
                channel: letter
                template: t-letter
                at: { anchor: enrollment, days: 7, localTime: "09:00" }
            """);
    private static final Instant ENROLLED = Instant.parse("2026-05-04T13:00:00Z");
    private static final EnrollmentClock CLOCK = new EnrollmentClock(ENROLLED, null, ZoneId.of("Europe/London"));
    private static final Instant SETTLED = Instant.parse("2026-05-05T10:15:00Z");
    /** Enrollment day (May 4) + 7 at 09:00 BST. */
    private static final Instant LETTER_DUE = Instant.parse("2026-05-11T08:00:00Z");

    private final SequenceEngine engine = new SequenceEngine();

    @Test
    void startsWithTheFirstStepDueAtItsTime() {
        assertEquals(new Plan.RunStep(FLOW.first(), ENROLLED, 0), engine.start(FLOW, CLOCK));
    }

    static Stream<Arguments> afterAnAttempt() {
        return Stream.of(
                Arguments.of("first failure is retried after the backoff", "first-sms", FAILED, 0,
                        run("first-sms", SETTLED.plusSeconds(7200), 1)),
                Arguments.of("second failure is retried again", "first-sms", FAILED, 1,
                        run("first-sms", SETTLED.plusSeconds(7200), 2)),
                Arguments.of("retries exhausted: next step in order", "first-sms", FAILED, 2,
                        run("call", SETTLED.plusSeconds(86_400), 0)),
                Arguments.of("delivered: next step in order", "first-sms", DELIVERED, 0,
                        run("call", SETTLED.plusSeconds(86_400), 0)),
                Arguments.of("no retry policy: failure branches", "call", FAILED, 0, run("letter", LETTER_DUE, 0)),
                Arguments.of("no answer branches", "call", NO_ANSWER, 0, run("letter", LETTER_DUE, 0)),
                Arguments.of("reply ends the sequence", "call", REPLIED, 0,
                        new Plan.Finish("ended by step 'call' on outcome replied")),
                Arguments.of("no branch for delivered: next in order", "call", DELIVERED, 0,
                        run("email", SETTLED.plusSeconds(1800), 0)),
                Arguments.of("suppressed branches", "email", SUPPRESSED, 0, run("letter", LETTER_DUE, 0)),
                Arguments.of("unknown ends", "email", UNKNOWN, 0,
                        new Plan.Finish("ended by step 'email' on outcome unknown")),
                Arguments.of("email delivered: chase", "email", DELIVERED, 0, run("chase-sms", SETTLED.plusSeconds(3600), 0)),
                Arguments.of("last step delivered completes", "letter", DELIVERED, 0,
                        new Plan.Finish(Plan.Finish.COMPLETED)),
                Arguments.of("last step failed without retries completes", "letter", FAILED, 0,
                        new Plan.Finish(Plan.Finish.COMPLETED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("afterAnAttempt")
    void plansWhatFollowsASettledAttempt(String title, String stepId, AttemptOutcome outcome, int retriesUsed,
                                         Plan expected) {
        assertEquals(expected, engine.next(FLOW, stepId, outcome, retriesUsed, SETTLED, CLOCK));
    }

    @Test
    void aSkippedStepSettlesAsSuppressed() {
        assertEquals(run("letter", LETTER_DUE, 0), engine.afterSkip(FLOW, "email", SETTLED, CLOCK));
        assertEquals(run("letter", LETTER_DUE, 0), engine.afterSkip(FLOW, "chase-sms", SETTLED, CLOCK));
    }

    @Test
    void anUnknownStepIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> engine.next(FLOW, "gone", DELIVERED, 0, SETTLED, CLOCK));
        assertEquals("sequence flow v1 has no step 'gone'", e.getMessage());
    }

    @ParameterizedTest(name = "{0} with replied={1} promised={2} delivered on {3} -> {4}")
    @CsvSource({
            "email, false, false, '', false",
            "email, true, false, '', true",
            "email, false, true, '', true",
            "email, false, false, 'sms', false",
            "chase-sms, true, true, 'email', false",
            "chase-sms, false, false, 'sms', true",
            "chase-sms, false, false, 'email voice', false",
            "letter, true, true, 'sms email', false",
    })
    void skipsWhenAConditionHolds(String stepId, boolean replied, boolean promised, String deliveredOn,
                                  boolean skipped) {
        Set<Channel> channels = new java.util.HashSet<>();
        for (String wire : deliveredOn.split(" ")) {
            if (!wire.isBlank()) {
                channels.add(Channel.parse(wire));
            }
        }
        Step step = FLOW.step(stepId).orElseThrow();
        assertEquals(skipped, engine.shouldSkip(step, new CaseFacts(replied, promised, channels)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "delivered_before, '', false",
            "delivered_before, letter, true",
            "delivered_on_channel, letter, false",
            "delivered_on_channel, voice, true",
            "replied, voice, false",
    })
    void deliveredConditionsLookAtEarlierDeliveries(String condition, String deliveredOn, boolean skipped) {
        Step step = new Step("s", Channel.VOICE, "t", new Timing.AfterDelay(Anchor.PREVIOUS, java.time.Duration.ZERO),
                Set.of(SkipCondition.parse(condition)), null, null, null, null, null);
        Set<Channel> channels = deliveredOn.isBlank() ? Set.of() : Set.of(Channel.parse(deliveredOn));
        assertEquals(skipped, engine.shouldSkip(step, new CaseFacts(false, false, channels)));
    }

    @Test
    void projectsTheHappyPathInOrder() {
        List<PlannedStep> plan = engine.projection(FLOW, CLOCK);
        assertEquals(List.of(
                planned("first-sms", "2026-05-04T13:00:00Z"),
                planned("call", "2026-05-05T13:00:00Z"),
                planned("email", "2026-05-05T13:30:00Z"),
                planned("chase-sms", "2026-05-05T14:30:00Z"),
                planned("letter", "2026-05-11T08:00:00Z")), plan);
    }

    @Test
    void projectionFollowsDeliveredBranchesAndStopsAtALoop() {
        SequenceDefinition loop = new SequenceParser().parseYaml("loop.yaml", """
                name: loop
                version: 2
                stopOn: [payment_received]
                steps:
                  - id: sms
                    channel: sms
                    template: t-sms
                    at: { anchor: enrollment, after: PT0S }
                    on: { delivered: call }
                  - id: skipped-on-happy-path
                    channel: email
                    template: t-email
                    at: { anchor: previous, after: PT1H }
                  - id: call
                    channel: voice
                    template: t-call
                    at: { anchor: previous, after: P3D }
                    on: { delivered: call, replied: end }
                """);
        assertEquals(List.of("sms", "call"), engine.projection(loop, CLOCK).stream().map(p -> p.step().id()).toList());
    }

    private static Plan run(String stepId, Instant dueAt, int retry) {
        return new Plan.RunStep(FLOW.step(stepId).orElseThrow(), dueAt, retry);
    }

    private static PlannedStep planned(String stepId, String dueAt) {
        return new PlannedStep(FLOW.step(stepId).orElseThrow(), Instant.parse(dueAt));
    }
}
