package io.parley.sequence;

import java.time.Duration;
import java.util.Objects;

/** How often a FAILED attempt of a step is run again, and how long after it settled. */
public record RetryPolicy(int max, Duration backoff) {
    private static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        if (backoff.isNegative() || (max > 0 && backoff.isZero())) {
            throw new IllegalArgumentException("backoff must be positive when retrying: " + backoff);
        }
    }

    public static RetryPolicy none() {
        return NONE;
    }

    public boolean allowsRetry(int retriesUsed) {
        return retriesUsed < max;
    }
}
