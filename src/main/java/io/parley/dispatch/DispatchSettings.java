package io.parley.dispatch;

import java.time.Duration;

/** How a dispatcher claims work: batch size, idle poll interval, lease length, and when SENDING becomes UNKNOWN. */
public record DispatchSettings(int batchSize, Duration pollInterval, Duration lease, Duration sendingTimeout) {
}
