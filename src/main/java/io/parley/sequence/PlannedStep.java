package io.parley.sequence;

import java.time.Instant;
import java.util.Objects;

/** A step of a projected plan and when it would fall due. */
public record PlannedStep(Step step, Instant dueAt) {
    public PlannedStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
