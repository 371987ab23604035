package io.parley.simulator.wechat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.BiFunction;

/**
 * Lets a person play the account's users from the command line: write to the account, subscribe, unsubscribe, and
 * see the template messages the platform was asked to send.
 * <pre>
 * POST /simulator/users/{openId}/messages      body: the text       -> {"status": 200, "reply": "..."}
 * POST /simulator/users/{openId}/subscribe | unsubscribe            -> {"status": 200}
 * GET  /simulator/templates                                          -> [{"msgid", "touser", "data"...}]
 * </pre>
 */
final class ControlRoutes {

    private ControlRoutes() {
    }

    static void mount(Router router, WechatSimulator simulator) {
        router.post("/simulator/users/:openId/messages").handler(BodyHandler.create(false).setBodyLimit(16_384))
                .handler(ctx -> answer(ctx, simulator.sendText(ctx.pathParam("openId"), text(ctx))));
        router.post("/simulator/users/:openId/:change").handler(ctx -> {
            BiFunction<WechatSimulator, String, Future<Push>> change = switch (ctx.pathParam("change")) {
                case "subscribe" -> WechatSimulator::subscribe;
                case "unsubscribe" -> WechatSimulator::unsubscribe;
                default -> null;
            };
            if (change == null) {
                ctx.response().setStatusCode(404).end();
            } else {
                answer(ctx, change.apply(simulator, ctx.pathParam("openId")));
            }
        });
        router.get("/simulator/templates").handler(ctx -> {
            JsonArray list = new JsonArray();
            simulator.templates().forEach(t -> list.add(t.json()));
            ctx.response().putHeader("Content-Type", "application/json").end(list.encodePrettily());
        });
    }

    private static String text(RoutingContext ctx) {
        String body = ctx.body().asString();
        if (body != null && body.trim().startsWith("{")) {
            return new JsonObject(body).getString("text", "");
        }
        return body == null ? "" : body.strip();
    }

    private static void answer(RoutingContext ctx, Future<Push> push) {
        push.onSuccess(p -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(new JsonObject().put("status", p.status()).put("reply", p.replyText())
                                .put("tries", p.tries()).encode()))
                .onFailure(e -> ctx.response().setStatusCode(502).end(String.valueOf(e.getMessage())));
    }
}
