package io.parley.simulator.wechat;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The platform's API as Parley calls it: {@code GET /cgi-bin/token} and {@code POST /cgi-bin/message/template/send},
 * answering JSON with the platform's errcodes and messages. An accepted template message is reported on later.
 */
final class PlatformApi {
    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(-1, "system error"),
            Map.entry(40001, "invalid credential, access_token is invalid or not latest"),
            Map.entry(40002, "invalid grant_type"),
            Map.entry(40003, "invalid openid"),
            Map.entry(40013, "invalid appid"),
            Map.entry(40037, "invalid template_id"),
            Map.entry(40125, "invalid appsecret"),
            Map.entry(42001, "access_token expired"),
            Map.entry(43004, "require subscribe"),
            Map.entry(43101, "user refuse to accept the msg"),
            Map.entry(45009, "reach max api daily quota limit"),
            Map.entry(45047, "out of send limit"),
            Map.entry(47001, "data format error"));

    private final String appId;
    private final String secret;
    private final IssuedTokens tokens;
    private final Followers followers;
    private final Consumer<SimulatedTemplate> accepted;
    private final Clock clock;
    private final AtomicLong msgIds = new AtomicLong(2_000_000_000L);
    private final List<SimulatedTemplate> templates = new CopyOnWriteArrayList<>();

    PlatformApi(String appId, String secret, IssuedTokens tokens, Followers followers,
                Consumer<SimulatedTemplate> accepted, Clock clock) {
        this.appId = appId;
        this.secret = secret;
        this.tokens = tokens;
        this.followers = followers;
        this.accepted = accepted;
        this.clock = clock;
    }

    void token(RoutingContext ctx) {
        var query = ctx.queryParams();
        if (!"client_credential".equals(query.get("grant_type"))) {
            error(ctx, 40002);
        } else if (!appId.equals(query.get("appid"))) {
            error(ctx, 40013);
        } else if (!secret.equals(query.get("secret"))) {
            error(ctx, 40125);
        } else {
            json(ctx, new JsonObject().put("access_token", tokens.issue())
                    .put("expires_in", tokens.lifetime().toSeconds()));
        }
    }

    void templateSend(RoutingContext ctx) {
        switch (tokens.standing(ctx.queryParams().get("access_token"))) {
            case INVALID -> {
                error(ctx, 40001);
                return;
            }
            case EXPIRED -> {
                error(ctx, 42001);
                return;
            }
            default -> {
            }
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException e) {
            body = null;
        }
        if (body == null) {
            error(ctx, 47001);
            return;
        }
        String toUser = body.getString("touser", "");
        String templateId = body.getString("template_id", "");
        int errcode = toUser.isBlank() ? 40003 : templateId.isBlank() ? 40037 : followers.nextErrcode(toUser);
        if (errcode == 0 && !followers.subscribed(toUser)) {
            errcode = 43004;
        }
        long msgId = errcode == 0 ? msgIds.incrementAndGet() : 0;
        Object data = body.getValue("data");
        SimulatedTemplate template = new SimulatedTemplate(msgId, toUser, templateId, body.getString("url"),
                data instanceof JsonObject fields ? fields : null, errcode, clock.instant());
        templates.add(template);
        if (errcode != 0) {
            error(ctx, errcode);
            return;
        }
        json(ctx, new JsonObject().put("errcode", 0).put("errmsg", "ok").put("msgid", msgId));
        accepted.accept(template);
    }

    List<SimulatedTemplate> templates() {
        return List.copyOf(templates);
    }

    void reset() {
        templates.clear();
    }

    static String message(int errcode) {
        return MESSAGES.getOrDefault(errcode, "error " + errcode);
    }

    private static void error(RoutingContext ctx, int errcode) {
        json(ctx, new JsonObject().put("errcode", errcode).put("errmsg", message(errcode)));
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json; encoding=utf-8").end(body.encode());
    }
}
