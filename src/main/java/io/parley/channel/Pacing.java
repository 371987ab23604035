package io.parley.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast a channel's attempts may start, across every instance: at most {@code perSecond} in any second and at
 * most {@code concurrent} in progress at once (an attempt is in progress until its status is final, or for
 * {@code longest} at the most). Attempts beyond that wait in the queue, deferred with rule {@value #RULE}: by the
 * seconds the rate needs, or by {@code slotWait} for an attempt in progress to end.
 */
public record Pacing(int perSecond, int concurrent, Duration longest, Duration slotWait) {
    /** The rule a deferral for pacing is recorded under. */
    public static final String RULE = "pacing";

    public Pacing {
        Objects.requireNonNull(longest, "longest");
        Objects.requireNonNull(slotWait, "slotWait");
        if (perSecond < 1 || concurrent < 1) {
            throw new IllegalArgumentException("pacing needs at least 1 a second and 1 at once: " + perSecond + ", "
                    + concurrent);
        }
    }
}
