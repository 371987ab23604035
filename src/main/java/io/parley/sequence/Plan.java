package io.parley.sequence;

import java.time.Instant;
import java.util.Objects;

/** What an enrollment does next: run a step at a time, or finish. */
public sealed interface Plan permits Plan.RunStep, Plan.Finish {

    /**
     * Run this step's attempt when dueAt has come (a past dueAt means now).
     *
     * @param retry 0 for the step's first attempt, n for its n-th retry
     */
    record RunStep(Step step, Instant dueAt, int retry) implements Plan {
        public RunStep {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(dueAt, "dueAt");
            if (retry < 0) {
                throw new IllegalArgumentException("retry must not be negative: " + retry);
            }
        }
    }

    /** The enrollment is over; reason says why, for the timeline. */
    record Finish(String reason) implements Plan {
        /** The reason when the last step in order has settled. */
        public static final String COMPLETED = "completed: the last step has run";

        public Finish {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
