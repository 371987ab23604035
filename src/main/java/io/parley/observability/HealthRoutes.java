package io.parley.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parley.lifecycle.Draining;
import io.parley.store.Migrations;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.sqlclient.Pool;

/**
 * Liveness, readiness (not draining, and the database answers with its schema migrated) and the Prometheus scrape
 * endpoint.
 */
public final class HealthRoutes {
    private HealthRoutes() {
    }

    public static void mount(Router router, Pool pool, PrometheusMeterRegistry registry, Draining draining) {
        router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "up")));
        router.get("/health/ready").handler(ctx -> (draining.draining() ? Future.<String>failedFuture("draining")
                : Migrations.currentVersion(pool))
                .onSuccess(version -> ctx.json(new JsonObject().put("status", "ready").put("schemaVersion", version)))
                .onFailure(err -> ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("status", "unavailable").put("reason", draining.draining()
                                ? "draining: the instance is stopping" : "database: " + err.getMessage()).encode())));
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    }
}
