package io.parley.api;

import io.parley.http.ApiProblem;
import io.parley.http.FieldError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.List;

/**
 * What every request must be before a route reads it: not both {@code Transfer-Encoding} and
 * {@code Content-Length} (a request two servers could frame differently, refused 400), and whole within
 * {@code http.readTimeout} of its arrival (a body trickled in slower is answered 408 and its connection closed, so a
 * slow sender cannot hold connections open).
 */
public final class RequestGuards {
    private RequestGuards() {
    }

    public static Handler<RoutingContext> handler(Duration readTimeout) {
        long millis = Math.max(1, readTimeout.toMillis());
        return ctx -> {
            HttpServerRequest request = ctx.request();
            if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                    && request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                Problems.write(ctx, ApiProblem.malformed(List.of(new FieldError("Transfer-Encoding",
                        "must not be sent together with Content-Length"))));
                return;
            }
            if (!request.isEnded()) {
                long timer = ctx.vertx().setTimer(millis, t -> {
                    if (!request.isEnded()) {
                        cutOff(ctx, readTimeout);
                    }
                });
                ctx.addEndHandler(v -> ctx.vertx().cancelTimer(timer));
            }
            ctx.next();
        };
    }

    private static void cutOff(RoutingContext ctx, Duration readTimeout) {
        if (!ctx.response().headWritten()) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            Problems.write(ctx, new ApiProblem(408, ApiProblem.type("request-timeout"), "Request timeout",
                    "the request did not arrive whole within " + readTimeout.toMillis() + " ms", List.of()));
        }
        ctx.request().connection().close();
    }
}
