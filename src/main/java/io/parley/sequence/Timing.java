package io.parley.sequence;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/** When a step falls due, relative to an {@link Anchor}. */
public sealed interface Timing permits Timing.AfterDelay, Timing.LocalTimeOfDay {

    Anchor anchor();

    /**
     * True when this timing always waits a positive time after the previous step settled: a positive delay or at
     * least one calendar day after the previous step. Loops between steps are only allowed through such a step.
     */
    boolean waitsAfterPrevious();

    /** Due an elapsed time after the anchor (a day is 24 hours, whatever the zone's offset does meanwhile). */
    record AfterDelay(Anchor anchor, Duration delay) implements Timing {
        public AfterDelay {
            Objects.requireNonNull(anchor, "anchor");
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
        }

        @Override
        public boolean waitsAfterPrevious() {
            return anchor == Anchor.PREVIOUS && !delay.isZero();
        }
    }

    /**
     * Due at a local time of day in the debtor's zone, {@code days} calendar days after the anchor's local date
     * (negative days count back from the anchor: D-3 before the due date).
     */
    record LocalTimeOfDay(Anchor anchor, int days, LocalTime time) implements Timing {
        public LocalTimeOfDay {
            Objects.requireNonNull(anchor, "anchor");
            Objects.requireNonNull(time, "time");
        }

        @Override
        public boolean waitsAfterPrevious() {
            return anchor == Anchor.PREVIOUS && days >= 1;
        }
    }
}
