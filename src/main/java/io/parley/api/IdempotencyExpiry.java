package io.parley.api;

import io.parley.config.ConfigSection;
import io.parley.config.ConfigValues;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;
import io.parley.lifecycle.Loop;
import io.parley.store.IdempotencyKeys;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Deletes Idempotency-Keys older than the retention, every interval, in batches: a request repeated with an expired
 * key runs again as a new request.
 */
public final class IdempotencyExpiry extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyExpiry.class);
    private static final int BATCH = 5000;

    /** How long keys are kept and how often expired ones are deleted. */
    public record Settings(Duration retention, Duration interval) {
        static final Setting RETENTION = Setting.of("idempotency.retention", "PT24H");
        static final Setting INTERVAL = Setting.of("idempotency.expiryInterval", "PT10M");
    }

    /** The idempotency section of the configuration. */
    public static final class Section implements ConfigSection<Settings> {
        @Override
        public List<Setting> settings() {
            return List.of(Settings.RETENTION, Settings.INTERVAL);
        }

        @Override
        public Settings read(SettingsReader reader) {
            return new Settings(reader.get(Settings.RETENTION, ConfigValues.positiveDuration()),
                    reader.get(Settings.INTERVAL, ConfigValues.positiveDuration()));
        }
    }

    private final Pool pool;
    private final Settings settings;
    private final Clock clock;
    private Loop loop;

    public IdempotencyExpiry(Pool pool, Settings settings, Clock clock) {
        this.pool = pool;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        // a full batch means more have expired: the next pass follows at once
        loop = new Loop(vertx, settings.interval(), () -> runOnce().map(deleted -> deleted >= BATCH)).startNow();
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return loop == null ? Future.succeededFuture() : loop.stop();
    }

    /** One pass: deletes up to a batch of expired keys; completes with how many. */
    public Future<Integer> runOnce() {
        return IdempotencyKeys.expire(pool, clock.instant().minus(settings.retention()), BATCH)
                .onSuccess(n -> {
                    if (n > 0) {
                        LOG.info("Deleted {} idempotency keys older than {}", n, settings.retention());
                    }
                })
                .onFailure(e -> LOG.warn("Deleting expired idempotency keys failed: {}", e.toString()));
    }
}
