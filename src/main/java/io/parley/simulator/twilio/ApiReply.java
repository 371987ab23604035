package io.parley.simulator.twilio;

import io.netty.channel.ChannelOption;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.impl.ConnectionBase;
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

    /**
     * Resets the request's connection (a TCP RST, as a crashed proxy or a network fault gives): the client gets no
     * answer at all.
     */
    static void reset(RoutingContext ctx) {
        if (ctx.request().connection() instanceof ConnectionBase connection) {
            // SO_LINGER 0 turns the close into a reset; Vert.x exposes its Netty channel only on this class
            connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            connection.channel().close();
        } else {
            ctx.request().connection().close();
        }
    }

    static void error(RoutingContext ctx, TwilioError error) {
        json(ctx, error.status(), error.toJson());
    }
}
