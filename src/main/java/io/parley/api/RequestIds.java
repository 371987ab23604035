package io.parley.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, answered as {@code X-Request-Id} and named by a 500 problem and by the log line that
 * records its cause. A caller's own {@code X-Request-Id} is kept when it is a short plain token (so a proxy's id
 * follows the request through), otherwise a new one is made. Mounted first on the router, it also makes sure every
 * request is answered: one that has no answer started within {@code answerWithin} fails as a 500 (a handler that
 * lost its request is a bug, but the caller still hears about it and the log names the route).
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "parley.requestId";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    public static Handler<RoutingContext> handler(Duration answerWithin) {
        long millis = Math.max(1, answerWithin.toMillis());
        return ctx -> {
            String given = ctx.request().getHeader(HEADER);
            String id = given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
            ctx.put(KEY, id);
            ctx.response().putHeader(HEADER, id);
            long timer = ctx.vertx().setTimer(millis, t -> {
                if (!ctx.response().headWritten() && !ctx.response().closed()) {
                    ctx.fail(new IllegalStateException("no answer within " + answerWithin));
                }
            });
            ctx.addHeadersEndHandler(v -> ctx.vertx().cancelTimer(timer));
            ctx.addEndHandler(v -> ctx.vertx().cancelTimer(timer));
            ctx.next();
        };
    }

    /** The request's id; a new one when the request did not pass the handler (a failure before routing). */
    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        if (id == null) {
            id = UUID.randomUUID().toString();
            ctx.put(KEY, id);
            if (!ctx.response().headWritten()) {
                ctx.response().putHeader(HEADER, id);
            }
        }
        return id;
    }
}
