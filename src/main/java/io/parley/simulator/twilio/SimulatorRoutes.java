package io.parley.simulator.twilio;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The simulator's own routes, beside the Twilio API (no credentials: it is a local tool): script how the callee at
 * a number behaves ({@code POST /simulator/callees}), and read what was said and keyed in a call
 * ({@code GET /simulator/calls/{sid}/transcript}).
 */
final class SimulatorRoutes {
    static final String CALLEES = "/simulator/callees";
    private static final long BODY_LIMIT = 64 * 1024;

    private SimulatorRoutes() {
    }

    static void mount(Router router, SimulatedAccount account) {
        router.post(CALLEES).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
                .handler(ctx -> script(ctx, account));
        router.get("/simulator/calls/:sid/transcript").handler(ctx -> {
            String sid = ctx.pathParam("sid");
            if (account.calls().find(sid).isEmpty()) {
                reply(ctx, 404, new JsonObject().put("message", "no call " + sid));
                return;
            }
            reply(ctx, 200, account.transcript(sid).toJson(sid));
        });
    }

    private static void script(RoutingContext ctx, SimulatedAccount account) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null) {
            reply(ctx, 400, new JsonObject().put("message", "the body must be a JSON object: {\"to\": \"+1...\", "
                    + "\"answeredBy\": \"human\", \"status\": \"completed\", \"digits\": [\"1\"]}"));
            return;
        }
        try {
            CalleeScript script = CalleeScript.fromJson(body);
            account.scenarios().callee(script);
            reply(ctx, 201, script.toJson());
        } catch (IllegalArgumentException e) {
            reply(ctx, 400, new JsonObject().put("message", e.getMessage()));
        }
    }

    private static void reply(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
