package io.parley.sequence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Computes when a step falls due. Local times of day are resolved with java.time's rules: a time in a DST gap
 * moves forward by the gap's length, a time in an overlap takes the earlier offset.
 */
final class DueTimes {
    private DueTimes() {
    }

    /**
     * @param previousSettledAt when the previous step's attempt settled (the enrollment instant for the first step)
     */
    static Instant dueAt(SequenceDefinition definition, Step step, Instant previousSettledAt, EnrollmentClock clock) {
        Timing timing = step.timing();
        if (timing instanceof Timing.AfterDelay delay) {
            return anchorInstant(definition, step, delay.anchor(), previousSettledAt, clock).plus(delay.delay());
        }
        Timing.LocalTimeOfDay local = (Timing.LocalTimeOfDay) timing;
        LocalDate date = anchorDate(definition, step, local.anchor(), previousSettledAt, clock).plusDays(local.days());
        return ZonedDateTime.of(date, local.time(), clock.zone()).toInstant();
    }

    private static Instant anchorInstant(SequenceDefinition definition, Step step, Anchor anchor, Instant previous,
                                         EnrollmentClock clock) {
        return switch (anchor) {
            case ENROLLMENT -> clock.enrolledAt();
            case PREVIOUS -> previous;
            case DUE_DATE -> dueDate(definition, step, clock).atStartOfDay(clock.zone()).toInstant();
        };
    }

    private static LocalDate anchorDate(SequenceDefinition definition, Step step, Anchor anchor, Instant previous,
                                        EnrollmentClock clock) {
        return switch (anchor) {
            case ENROLLMENT -> clock.enrolledAt().atZone(clock.zone()).toLocalDate();
            case PREVIOUS -> previous.atZone(clock.zone()).toLocalDate();
            case DUE_DATE -> dueDate(definition, step, clock);
        };
    }

    private static LocalDate dueDate(SequenceDefinition definition, Step step, EnrollmentClock clock) {
        return clock.dueDateIfKnown().orElseThrow(() -> new MissingDueDateException(definition, step));
    }
}
