package io.parley;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parley.channel.ChannelSetup;
import io.parley.config.ParleyConfig;
import io.parley.observability.Metrics;
import io.parley.store.DatabaseTarget;
import io.parley.store.ServiceDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One running Parley instance: its Vert.x, database, channels, dispatcher and HTTP server, started in that order
 * and closed in reverse.
 */
public final class Parley {
    private static final Logger LOG = LoggerFactory.getLogger(Parley.class);

    private final Vertx vertx;
    private final ServiceDatabase database;
    private final ChannelSetup channels;
    private final Services services;
    private final HttpServer server;
    private final String publicBaseUrl;

    private Parley(Vertx vertx, ServiceDatabase database, ChannelSetup channels, Services services, HttpServer server,
                   String publicBaseUrl) {
        this.vertx = vertx;
        this.database = database;
        this.channels = channels;
        this.services = services;
        this.server = server;
        this.publicBaseUrl = publicBaseUrl;
    }

    public static Future<Parley> start(ParleyConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static Future<Parley> start(ParleyConfig configured, Clock clock) {
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
        int port = config.http().port();
        String publicBaseUrl = config.publicBaseUrl();
        var db = config.database();
        DatabaseTarget external = db.embedded() ? null
                : new DatabaseTarget(db.host(), db.port(), db.name(), db.user(), db.password().reveal());
        Promise<Parley> started = Promise.promise();
        AtomicReference<ServiceDatabase> opened = new AtomicReference<>();
        AtomicReference<ChannelSetup> channelsOpened = new AtomicReference<>();
        ServiceDatabase.open(vertx, external, config.dataDir().resolve("postgres"), db.embeddedPort(), db.poolSize())
                .compose(database -> {
                    opened.set(database);
                    return ChannelSetup.start(vertx, config, publicBaseUrl, metrics);
                })
                .compose(channels -> {
                    channelsOpened.set(channels);
                    return Services.wire(vertx, config, opened.get().pool(), channels, metrics, registry,
                            publicBaseUrl, clock);
                })
                .compose(services -> vertx.createHttpServer()
                        .requestHandler(services.router())
                        .listen(port, config.http().host())
                        .map(server -> {
                            if (config.dispatch().enabled()) {
                                services.dispatcher().start();
                                services.promises().start();
                                if (services.imap() != null) {
                                    services.imap().start();
                                }
                            }
                            LOG.info("Parley listening on {}:{} (public URL {}), database {}", config.http().host(),
                                    server.actualPort(), publicBaseUrl, opened.get().target());
                            return new Parley(vertx, opened.get(), channelsOpened.get(), services, server,
                                    publicBaseUrl);
                        }))
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        started.complete(ar.result());
                        return;
                    }
                    // undo what did start (an embedded database is a child process), then report the cause
                    ChannelSetup channels = channelsOpened.get();
                    ServiceDatabase database = opened.get();
                    (channels == null ? Future.<Void>succeededFuture() : channels.close(vertx))
                            .transform(v -> database == null ? Future.<Void>succeededFuture() : database.close(vertx))
                            .transform(v -> vertx.close())
                            .onComplete(v -> started.fail(ar.cause()));
                });
        return started.future();
    }

    public int port() {
        return server.actualPort();
    }

    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    public Vertx vertx() {
        return vertx;
    }

    public ChannelSetup channels() {
        return channels;
    }

    /** Stops claiming work, then closes the server, channels, database and Vert.x itself. */
    public Future<Void> close() {
        // completed from Vert.x's last callback: a future bound to one of its (closed) event loops would never notify
        Promise<Void> closed = Promise.promise();
        services.promises().stop();
        if (services.imap() != null) {
            services.imap().stop();
        }
        services.events().stop()
                .compose(v -> services.dispatcher().stop())
                .compose(v -> server.close())
                .compose(v -> channels.close(vertx))
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
