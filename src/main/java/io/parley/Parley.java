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
        return ServiceDatabase.open(vertx, external, config.dataDir().resolve("postgres"), db.embeddedPort(),
                        db.poolSize())
                .compose(database -> ChannelSetup.start(vertx, config, publicBaseUrl, metrics)
                        .compose(channels -> Services.wire(vertx, config, database.pool(), channels, metrics, registry,
                                        publicBaseUrl, clock)
                                .compose(services -> vertx.createHttpServer()
                                        .requestHandler(services.router())
                                        .listen(port, config.http().host())
                                        .map(server -> {
                                            if (config.dispatch().enabled()) {
                                                services.dispatcher().start();
                                            }
                                            LOG.info("Parley listening on {}:{} (public URL {}), database {}",
                                                    config.http().host(), server.actualPort(), publicBaseUrl,
                                                    database.target());
                                            return new Parley(vertx, database, channels, services, server,
                                                    publicBaseUrl);
                                        }))))
                .recover(err -> vertx.close().transform(v -> Future.failedFuture(err)));
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

    public Future<Void> close() {
        return services.dispatcher().stop()
                .compose(v -> server.close())
                .compose(v -> channels.close(vertx))
                .compose(v -> database.close(vertx))
                .eventually(() -> vertx.close());
    }
}
