package io.parley.simulator.twilio;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes answers the way the Twilio API does: JSON bodies and a request id on every response. */
final class ApiReply {
    private ApiReply() {
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Twilio-Request-Id", Sids.next("RQ"))
                .end(body.encode());
    }

    static void error(RoutingContext ctx, TwilioError error) {
        json(ctx, error.status(), error.toJson());
    }
}
