package io.parley.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** A status and JSON body to answer with; contact addresses masked when the caller's key may not see them. */
public record ApiResponse(int status, JsonObject body) {

    public void send(RoutingContext ctx) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(AddressMasking.forCaller(ctx, body).encode());
    }
}
