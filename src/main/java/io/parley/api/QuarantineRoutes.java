package io.parley.api;

import io.parley.domain.Channel;
import io.parley.http.ApiResponse;
import io.parley.store.InboundRequests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.util.Set;

import static io.parley.api.JsonFields.OPTIONAL;

/**
 * GET /v1/inbound/quarantine: inbound requests that could not be read (a mail that is not MIME, a body no parser
 * took), kept as they arrived for a person to look at, newest first.
 */
public final class QuarantineRoutes {
    private final Pool pool;

    public QuarantineRoutes(Pool pool) {
        this.pool = pool;
    }

    public void mount(Router router) {
        router.get("/v1/inbound/quarantine").handler(this::list);
    }

    private void list(RoutingContext ctx) {
        Violations violations = new Violations();
        JsonObject query = new JsonObject();
        ctx.queryParams().forEach(e -> query.put(e.getKey(), e.getValue()));
        JsonFields params = JsonFields.root(query, violations);
        params.rejectUnknown(Set.of("channel", "limit"));
        Channel channel = ContactPointFields.channel(params, OPTIONAL);
        int limit = Limits.of(params, 100, 500);
        violations.throwIfAny();
        InboundRequests.quarantined(pool, channel, limit)
                .onSuccess(list -> new ApiResponse(200, new JsonObject().put("quarantined", new JsonArray(list))).send(ctx))
                .onFailure(ctx::fail);
    }
}
