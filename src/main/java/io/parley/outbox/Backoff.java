package io.parley.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a case waits after its n-th failed delivery in a row: 1 s, doubling with each further failure up to a
 * maximum, each delay drawn at random from its upper half (never under 1 s), so that cases that failed together
 * (the engine was down) do not all come back at the same instant.
 */
final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(1);

    private Backoff() {
    }

    static Duration after(int failures, Duration max, RandomGenerator random) {
        long maxMillis = Math.max(FIRST.toMillis(), max.toMillis());
        int doublings = Math.max(0, Math.min(failures - 1, 40));
        long ceiling = Math.min(maxMillis, FIRST.toMillis() << doublings);
        long half = ceiling / 2;
        long drawn = half + (half > 0 ? random.nextLong(ceiling - half + 1) : 0);
        return Duration.ofMillis(Math.max(FIRST.toMillis(), Math.min(drawn, maxMillis)));
    }
}
