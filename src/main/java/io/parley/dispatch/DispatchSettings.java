package io.parley.dispatch;

import java.time.Duration;

/**
 * How a dispatcher claims work: batch size, idle poll interval, lease length, when SENDING becomes UNKNOWN, and how
 * many provider calls it may have under way.
 */
public record DispatchSettings(int batchSize, Duration pollInterval, Duration lease, Duration sendingTimeout,
                               int maxInFlight) {
}
