package io.parley.channel;

import io.parley.config.ConfigSection;
import io.parley.config.ConfigValues;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;

import java.time.Duration;
import java.util.List;

/**
 * providers.*: how every provider operation (an SMS send, a lookup...) is guarded. A circuit breaker opens when
 * failureRate percent of the last window calls (at least minimumCalls) were provider faults, and stays open for
 * openFor; a rate limiter lets ratePerSecond calls start per second; a bulkhead lets maxConcurrent calls be under
 * way or queued for a worker. A call turned away by any of them was not made: its step runs again later. A call
 * the provider refused before taking it (no connection; 429 or 503) is tried again up to retries times, after the
 * Retry-After the provider gave when that is at most retryAfterMax (otherwise its step runs again after it).
 */
public final class ProviderResilience implements ConfigSection<ProviderResilience.Settings> {
    static final Setting FAILURE_RATE = Setting.of("providers.breaker.failureRate", "50");
    static final Setting MINIMUM_CALLS = Setting.of("providers.breaker.minimumCalls", "20");
    static final Setting WINDOW = Setting.of("providers.breaker.window", "50");
    static final Setting OPEN_FOR = Setting.of("providers.breaker.openFor", "PT30S");
    static final Setting RATE = Setting.of("providers.ratePerSecond", "1000");
    static final Setting MAX_CONCURRENT = Setting.of("providers.maxConcurrent", "2048");
    static final Setting RETRIES = Setting.of("providers.retries", "2");
    static final Setting RETRY_AFTER_MAX = Setting.of("providers.retryAfterMax", "PT2S");

    /** The guards' settings. */
    public record Settings(int failureRate, int minimumCalls, int window, Duration openFor, int ratePerSecond,
                           int maxConcurrent, int retries, Duration retryAfterMax) {
        /** The defaults, for services built without configuration (tests of one channel). */
        public static Settings defaults() {
            return new Settings(50, 20, 50, Duration.ofSeconds(30), 1000, 2048, 2, Duration.ofSeconds(2));
        }
    }

    @Override
    public List<Setting> settings() {
        return List.of(FAILURE_RATE, MINIMUM_CALLS, WINDOW, OPEN_FOR, RATE, MAX_CONCURRENT, RETRIES, RETRY_AFTER_MAX);
    }

    @Override
    public Settings read(SettingsReader r) {
        return new Settings(r.get(FAILURE_RATE, text -> {
            int rate = ConfigValues.positiveInt().parse(text);
            if (rate > 100) {
                throw new IllegalArgumentException("is a percentage, 1 to 100");
            }
            return rate;
        }), r.get(MINIMUM_CALLS, ConfigValues.positiveInt()), r.get(WINDOW, ConfigValues.positiveInt()),
                r.get(OPEN_FOR, ConfigValues.positiveDuration()), r.get(RATE, ConfigValues.positiveInt()),
                r.get(MAX_CONCURRENT, ConfigValues.positiveInt()), r.get(RETRIES, ConfigValues.nonNegativeInt()),
                r.get(RETRY_AFTER_MAX, ConfigValues.nonNegativeDuration()));
    }
}
