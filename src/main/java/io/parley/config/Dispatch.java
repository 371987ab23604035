package io.parley.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The dispatcher that claims due contact attempts and hands them to the channels.
 *
 * @param batchSize      attempts claimed per poll
 * @param pollInterval   pause between polls when the last one found nothing to do
 * @param lease          how long a claimed attempt stays reserved for this instance
 * @param sendingTimeout an attempt left SENDING longer than this is marked UNKNOWN
 * @param outcomeTimeout how long a step waits for a final delivery status before the sequence moves on
 * @param releaseSpread  deferred attempts released at the same instant are spread over this window (0 = not)
 * @param enabled        false runs the service without sending anything (API and callbacks only)
 * @param instances      dispatcher verticles, each on an event loop of its own (0 = one per CPU core)
 * @param maxInFlight    provider calls one dispatcher has under way at most; it claims the next batch while they are
 */
public record Dispatch(int batchSize, Duration pollInterval, Duration lease, Duration sendingTimeout,
                       Duration outcomeTimeout, Duration releaseSpread, boolean enabled, int instances,
                       int maxInFlight) {

    /** One dispatcher per CPU core, 64 provider calls in flight each. */
    public Dispatch(int batchSize, Duration pollInterval, Duration lease, Duration sendingTimeout,
                    Duration outcomeTimeout, Duration releaseSpread, boolean enabled) {
        this(batchSize, pollInterval, lease, sendingTimeout, outcomeTimeout, releaseSpread, enabled, 0, 64);
    }

    /** How many dispatcher verticles run: the setting, or one per CPU core when it is 0. */
    public int verticles() {
        return instances > 0 ? instances : Runtime.getRuntime().availableProcessors();
    }

    public Dispatch {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(sendingTimeout, "sendingTimeout");
        Objects.requireNonNull(outcomeTimeout, "outcomeTimeout");
        Objects.requireNonNull(releaseSpread, "releaseSpread");
    }

    static Dispatch read(ConfigReader r) {
        return new Dispatch(
                r.get(Setting.DISPATCH_BATCH_SIZE, ConfigValues.positiveInt()),
                r.get(Setting.DISPATCH_POLL_INTERVAL, ConfigValues.positiveDuration()),
                r.get(Setting.DISPATCH_LEASE, ConfigValues.positiveDuration()),
                r.get(Setting.DISPATCH_SENDING_TIMEOUT, ConfigValues.positiveDuration()),
                r.get(Setting.DISPATCH_OUTCOME_TIMEOUT, ConfigValues.positiveDuration()),
                r.get(Setting.DISPATCH_RELEASE_SPREAD, ConfigValues.nonNegativeDuration()),
                r.get(Setting.DISPATCH_ENABLED, ConfigValues.bool()),
                r.get(Setting.DISPATCH_INSTANCES, ConfigValues.nonNegativeInt()),
                r.get(Setting.DISPATCH_MAX_IN_FLIGHT, ConfigValues.positiveInt()));
    }
}
