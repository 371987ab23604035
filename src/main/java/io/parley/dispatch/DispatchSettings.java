package io.parley.dispatch;

import java.time.Duration;

/**
 * How a dispatcher claims work: batch size, idle poll interval, lease length, when SENDING becomes UNKNOWN, how
 * many provider calls it may have under way, and how long a stop waits for those calls' answers.
 */
public record DispatchSettings(int batchSize, Duration pollInterval, Duration lease, Duration sendingTimeout,
                               int maxInFlight, Duration shutdownGrace) {
}
