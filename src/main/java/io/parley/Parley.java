package io.parley;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parley.channel.ChannelModule;
import io.parley.channel.ChannelModules;
import io.parley.channel.RunningChannels;
import io.parley.config.ParleyConfig;
import io.parley.lifecycle.Deployments;
import io.parley.observability.Metrics;
import io.parley.store.DatabaseTarget;
import io.parley.store.ServiceDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One running Parley instance: its Vert.x, database, channels, HTTP server and long-running loops (dispatcher,
 * promise watcher, channel loops, webhook deliverer), started in that order and closed in reverse.
 */
public final class Parley {
    private static final Logger LOG = LoggerFactory.getLogger(Parley.class);

    private final Vertx vertx;
    private final ServiceDatabase database;
    private final Services services;
    private final Deployments verticles;
    private final int port;
    private final String publicBaseUrl;

    private Parley(Vertx vertx, ServiceDatabase database, Services services, Deployments verticles, int port,
                   String publicBaseUrl) {
        this.vertx = vertx;
        this.database = database;
        this.services = services;
        this.verticles = verticles;
        this.port = port;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Starts an instance on the machine's clock, moved by clock.offset when that is set (drills, benchmarks). */
    public static Future<Parley> start(ParleyConfig config) {
        Duration offset = config.section(new ClockShift());
        if (!offset.isZero()) {
            LOG.warn("clock.offset is {}: every decision is taken on a clock that is not the real time", offset);
        }
        return start(config, ClockShift.clock(offset));
    }

    public static Future<Parley> start(ParleyConfig configured, Clock clock) {
        return start(configured, clock, List.of());
    }

    /**
     * Starts an instance with the channel modules registered in META-INF/services and, besides them, the given ones
     * (a test's own channel).
     */
    public static Future<Parley> start(ParleyConfig configured, Clock clock, List<? extends ChannelModule<?>> more) {
        ChannelModules modules = ChannelModules.registered(more);
        ParleyConfig config = configured.http().port() == 0 ? configured.withBoundPort(FreePorts.pick()) : configured;
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                        .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE,
                                Label.POOL_NAME, Label.NAMESPACE))))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        Metrics metrics = new Metrics(registry);
        String publicBaseUrl = config.publicBaseUrl();
        var db = config.database();
        DatabaseTarget external = db.embedded() ? null
                : new DatabaseTarget(db.host(), db.port(), db.name(), db.user(), db.password().reveal());
        Promise<Parley> started = Promise.promise();
        AtomicReference<ServiceDatabase> opened = new AtomicReference<>();
        AtomicReference<Services> wired = new AtomicReference<>();
        Deployments verticles = new Deployments(vertx);
        ServiceDatabase.open(vertx, external, config.dataDir().resolve("postgres"), db.embeddedPort(), db.poolSize())
                .compose(database -> {
                    opened.set(database);
                    return Services.wire(vertx, config, database.pool(), modules, metrics, registry, publicBaseUrl,
                            clock);
                })
                .compose(services -> {
                    wired.set(services);
                    List<HttpListener> listeners = new CopyOnWriteArrayList<>();
                    return verticles.deploy(() -> {
                                HttpListener listener = new HttpListener(services.router(), config.http());
                                listeners.add(listener);
                                return listener;
                            }, config.http().verticles())
                            .compose(v -> verticles.deploy(services.loops()))
                            .map(v -> {
                                int port = listeners.get(0).port();
                                LOG.info("Parley listening on {}:{} (public URL {}), database {}",
                                        config.http().host(), port, publicBaseUrl, opened.get().target());
                                services.channels().simulators().forEach((name, url) ->
                                        LOG.info("Local {} simulator at {}", name, url));
                                return new Parley(vertx, opened.get(), services, verticles, port, publicBaseUrl);
                            });
                })
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        started.complete(ar.result());
                        return;
                    }
                    // undo what did start (an embedded database is a child process), then report the cause
                    Services services = wired.get();
                    ServiceDatabase database = opened.get();
                    verticles.undeploy()
                            .transform(v -> services == null ? Future.<Void>succeededFuture()
                                    : services.channels().close())
                            .transform(v -> database == null ? Future.<Void>succeededFuture() : database.close(vertx))
                            .transform(v -> vertx.close())
                            .onComplete(v -> started.fail(ar.cause()));
                });
        return started.future();
    }

    public int port() {
        return port;
    }

    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The channels this instance runs. */
    public RunningChannels channels() {
        return services.channels();
    }

    /**
     * Drains and closes: readiness turns false and nothing new is claimed at once; then the loops are undeployed
     * (last deployed first; the dispatchers wait up to shutdown.grace for the provider calls under way) while the
     * HTTP server still takes callbacks, then the HTTP server, and channels, database and Vert.x are closed.
     */
    public Future<Void> close() {
        services.draining().begin();
        // completed from Vert.x's last callback: a future bound to one of its (closed) event loops would never notify
        Promise<Void> closed = Promise.promise();
        verticles.undeploy()
                .compose(v -> services.channels().close())
                .compose(v -> database.close(vertx))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        LOG.warn("Parley did not stop cleanly", ar.cause());
                    }
                    vertx.close().onComplete(v -> closed.complete());
                });
        return closed.future();
    }
}
