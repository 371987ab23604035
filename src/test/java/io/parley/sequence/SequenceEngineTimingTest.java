package io.parley.sequence;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Due times: anchors, local times of day across DST changes, negative days, zones far from UTC. */
class SequenceEngineTimingTest {
    private final SequenceEngine engine = new SequenceEngine();

    /**
     * Columns: zone, enrolledAt, dueDate, settledAt (of the step before), timing ("after ANCHOR DURATION" or
     * "local ANCHOR DAYS HH:mm"), expected due instant.
     */
    @ParameterizedTest(name = "{0} {4}: {5}")
    @CsvSource({
            // plain delays
            "UTC,              2026-01-10T08:00:00Z, ,           2026-01-11T09:30:00Z, after enrollment PT0S,  2026-01-10T08:00:00Z",
            "UTC,              2026-01-10T08:00:00Z, ,           2026-01-11T09:30:00Z, after previous PT5S,    2026-01-11T09:30:05Z",
            "UTC,              2026-01-10T08:00:00Z, 2026-01-20, 2026-01-11T09:30:00Z, after due_date PT12H,   2026-01-20T12:00:00Z",
            // America/New_York springs forward on 2026-03-08 at 02:00 (EST -5 -> EDT -4)
            "America/New_York, 2026-03-01T15:00:00Z, 2026-03-08, 2026-03-01T15:00:00Z, local due_date 0 10:00, 2026-03-08T14:00:00Z",
            "America/New_York, 2026-03-01T15:00:00Z, 2026-03-08, 2026-03-01T15:00:00Z, local due_date -1 10:00, 2026-03-07T15:00:00Z",
            "America/New_York, 2026-03-01T15:00:00Z, 2026-03-08, 2026-03-01T15:00:00Z, local due_date 0 02:30, 2026-03-08T07:30:00Z",
            "America/New_York, 2026-03-01T15:00:00Z, 2026-03-08, 2026-03-01T15:00:00Z, after due_date PT12H,   2026-03-08T17:00:00Z",
            // settled late on Mar 7 local time (already Mar 8 in UTC): one day later is Mar 8 local, in EDT
            "America/New_York, 2026-03-01T15:00:00Z, ,           2026-03-08T03:00:00Z, local previous 1 09:00, 2026-03-08T13:00:00Z",
            // America/New_York falls back on 2026-11-01 at 02:00 (EDT -4 -> EST -5); 01:30 happens twice
            "America/New_York, 2026-10-25T14:00:00Z, 2026-11-01, 2026-10-25T14:00:00Z, local due_date 0 01:30, 2026-11-01T05:30:00Z",
            "America/New_York, 2026-10-25T14:00:00Z, 2026-11-01, 2026-10-25T14:00:00Z, local due_date 0 10:00, 2026-11-01T15:00:00Z",
            "America/New_York, 2026-10-25T14:00:00Z, 2026-11-01, 2026-10-25T14:00:00Z, local due_date -3 10:00, 2026-10-29T14:00:00Z",
            "America/New_York, 2026-10-31T14:00:00Z, ,           2026-10-31T14:00:00Z, local enrollment 1 10:00, 2026-11-01T15:00:00Z",
            // Asia/Shanghai is UTC+8 all year: local dates run ahead of UTC
            "Asia/Shanghai,    2026-03-07T20:00:00Z, ,           2026-03-07T20:00:00Z, local previous 1 09:00, 2026-03-09T01:00:00Z",
            "Asia/Shanghai,    2026-03-07T20:00:00Z, ,           2026-03-07T20:00:00Z, local enrollment 0 10:00, 2026-03-08T02:00:00Z",
            "Asia/Shanghai,    2026-03-07T20:00:00Z, 2026-03-10, 2026-03-07T20:00:00Z, local due_date -3 10:00, 2026-03-07T02:00:00Z",
            "Asia/Shanghai,    2026-03-07T20:00:00Z, 2026-03-10, 2026-03-07T20:00:00Z, after due_date P1D,     2026-03-10T16:00:00Z",
            // a time already past is returned as it is: due now
            "Europe/Paris,     2026-06-01T14:00:00Z, ,           2026-06-01T14:00:00Z, local enrollment 0 09:00, 2026-06-01T07:00:00Z",
    })
    void computesDueTimes(String zone, Instant enrolledAt, LocalDate dueDate, Instant settledAt, String timing,
                          Instant expected) {
        EnrollmentClock clock = new EnrollmentClock(enrolledAt, dueDate, ZoneId.of(zone));
        SequenceDefinition definition = twoSteps(timing(timing));
        Plan plan = engine.next(definition, "before", AttemptOutcome.DELIVERED, 0, settledAt, clock);
        assertEquals(new Plan.RunStep(definition.step("timed").orElseThrow(), expected, 0), plan);
    }

    @Test
    void aFirstStepAnchoredOnThePreviousStepCountsFromEnrollment() {
        Instant enrolled = Instant.parse("2026-02-02T10:00:00Z");
        SequenceDefinition definition = new SequenceDefinition("one", 1, "", List.of(Step.simple("only", Channel.SMS,
                "t", new Timing.AfterDelay(Anchor.PREVIOUS, Duration.ofMinutes(10)))), Set.of(), Set.of());
        Plan plan = engine.start(definition, new EnrollmentClock(enrolled, null, ZoneId.of("UTC")));
        assertEquals(new Plan.RunStep(definition.first(), enrolled.plusSeconds(600), 0), plan);
    }

    @Test
    void aDueDateAnchorWithoutADueDateIsAClearError() {
        SequenceDefinition preDue = io.parley.testing.TestSequences.shipped()
                .latest("pre-due-reminder").orElseThrow();
        EnrollmentClock noDueDate = new EnrollmentClock(Instant.parse("2026-03-01T15:00:00Z"), null,
                ZoneId.of("America/New_York"));
        var e = assertThrows(MissingDueDateException.class, () -> engine.start(preDue, noDueDate));
        assertEquals("sequence pre-due-reminder v1: step 'sms-d-minus-3' is timed from the due date, but the account"
                + " has no due date", e.getMessage());
    }

    @Test
    void preDueRemindersProjectAroundTheDueDate() {
        SequenceDefinition preDue = io.parley.testing.TestSequences.shipped()
                .latest("pre-due-reminder").orElseThrow();
        EnrollmentClock clock = new EnrollmentClock(Instant.parse("2026-03-05T12:00:00Z"), LocalDate.of(2026, 3, 10),
                ZoneId.of("America/New_York"));
        assertEquals(List.of(
                        Instant.parse("2026-03-07T15:00:00Z"),  // D-3 10:00 EST
                        Instant.parse("2026-03-09T13:00:00Z"),  // D-1 09:00 EDT
                        Instant.parse("2026-03-10T14:00:00Z")), // D 10:00 EDT
                engine.projection(preDue, clock).stream().map(PlannedStep::dueAt).toList());
    }

    @Test
    void demoStepsAreSecondsApart() {
        SequenceDefinition demo = io.parley.testing.TestSequences.shipped()
                .latest("demo").orElseThrow();
        Instant enrolled = Instant.parse("2026-01-05T09:00:00Z");
        assertEquals(List.of(enrolled, enrolled.plusSeconds(5), enrolled.plusSeconds(10)),
                engine.projection(demo, new EnrollmentClock(enrolled, null, ZoneId.of("Asia/Shanghai")))
                        .stream().map(PlannedStep::dueAt).toList());
    }

    @Test
    void earlyStageProjectsItsGoldenWeekInShanghai() {
        SequenceDefinition m1 = io.parley.testing.TestSequences.shipped()
                .latest("m1-early").orElseThrow();
        EnrollmentClock clock = new EnrollmentClock(Instant.parse("2026-03-02T01:00:00Z"), LocalDate.of(2026, 3, 1),
                ZoneId.of("Asia/Shanghai"));
        assertEquals(List.of(
                        "sms-day-1 2026-03-02T01:00:00Z",
                        "email-day-1 2026-03-02T03:00:00Z",
                        "ivr-day-3 2026-03-04T02:00:00Z",
                        "sms-day-5 2026-03-06T03:00:00Z",
                        "letter-day-10 2026-03-11T01:00:00Z"),
                engine.projection(m1, clock).stream().map(p -> p.step().id() + " " + p.dueAt()).toList());
    }

    private static SequenceDefinition twoSteps(Timing timing) {
        return new SequenceDefinition("timing", 1, "", List.of(
                Step.simple("before", Channel.SMS, "t-before", new Timing.AfterDelay(Anchor.ENROLLMENT, Duration.ZERO)),
                Step.simple("timed", Channel.EMAIL, "t-timed", timing)), Set.of(), Set.of());
    }

    /** "after ANCHOR DURATION" or "local ANCHOR DAYS HH:mm". */
    private static Timing timing(String text) {
        String[] parts = text.split(" ");
        Anchor anchor = Anchor.parse(parts[1]);
        return parts[0].equals("after")
                ? new Timing.AfterDelay(anchor, Duration.parse(parts[2]))
                : new Timing.LocalTimeOfDay(anchor, Integer.parseInt(parts[2]), LocalTime.parse(parts[3]));
    }
}
