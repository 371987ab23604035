package io.parley.outbox;

import io.parley.config.Engine;
import io.parley.observability.Metrics;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * How the collection engine hears about case events: the pull feed (GET /v1/events and /v1/events/stream,
 * always there) and, when engine.webhookUrl is set, the webhook deliverer (a verticle the service deploys).
 */
public final class EngineEvents {
    private static final Logger LOG = LoggerFactory.getLogger(EngineEvents.class);

    private EngineEvents() {
    }

    /**
     * Mounts the feed routes (after the /v1 key check, before the router's failure and not-found handlers) and,
     * with a webhook configured, returns the deliverer to deploy. owner names this instance as a lease holder.
     */
    public static List<VerticleBase> mount(Router router, Pool pool, Engine engine, Metrics metrics, Clock clock,
                                           String owner) {
        new EventRoutes(pool).mount(router);
        if (!engine.webhook()) {
            LOG.info("No engine webhook configured ({}): case events are available by pull only",
                    "engine.webhookUrl");
            return List.of();
        }
        LOG.info("Delivering case events to the engine webhook, {} cases at a time", engine.batchSize());
        return List.of(new EventDeliverer(pool, engine.webhookUrl(),
                StandardWebhooks.of(engine.webhookSecret().reveal()), engine.timeout(), engine.maxBackoff(),
                engine.batchSize(), new OutboxMetrics(metrics.registry()), clock, owner, new SecureRandom()));
    }
}
