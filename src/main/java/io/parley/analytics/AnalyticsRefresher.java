package io.parley.analytics;

import io.parley.config.ConfigSection;
import io.parley.config.ConfigValues;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;
import io.parley.lifecycle.Loop;
import io.parley.store.AnalyticsPending;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Keeps the strategy analytics rows up to date off the write path: writes only mark the enrollments and cases they
 * touched, and every interval this recomputes up to a batch of the marked ones (at once again while a full batch was
 * found). Instances take turns: a round finds another instance's refresh running and waits for the next.
 */
public final class AnalyticsRefresher extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsRefresher.class);

    /** How often the marked enrollments are recomputed, and how many (and how many cases) at most per round. */
    public record Settings(Duration interval, int batch) {
        static final Setting INTERVAL = Setting.of("analytics.refreshInterval", "PT1S");
        static final Setting BATCH = Setting.of("analytics.refreshBatch", "1000");
    }

    /** The analytics section of the configuration. */
    public static final class Section implements ConfigSection<Settings> {
        @Override
        public List<Setting> settings() {
            return List.of(Settings.INTERVAL, Settings.BATCH);
        }

        @Override
        public Settings read(SettingsReader reader) {
            return new Settings(reader.get(Settings.INTERVAL, ConfigValues.positiveDuration()),
                    reader.get(Settings.BATCH, ConfigValues.positiveInt()));
        }
    }

    private final Pool pool;
    private final Settings settings;
    private Loop loop;

    public AnalyticsRefresher(Pool pool, Settings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    @Override
    public Future<?> start() {
        loop = new Loop(vertx, settings.interval(), () -> runOnce().map(taken -> taken >= settings.batch()))
                .startNow();
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return loop == null ? Future.succeededFuture() : loop.stop();
    }

    /** One round: completes with how many marks it took (-1: another instance was refreshing). */
    public Future<Integer> runOnce() {
        return AnalyticsPending.refresh(pool, settings.batch(), false)
                .onFailure(e -> LOG.warn("Refreshing the analytics rows failed: {}", e.toString()));
    }
}
