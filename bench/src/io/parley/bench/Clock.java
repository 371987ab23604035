package io.parley.bench;

import java.time.Instant;

/** Wall-clock time in epoch microseconds, the unit every process of the benchmark reports times in. */
final class Clock {
    private Clock() {
    }

    static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }
}
