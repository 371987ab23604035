package io.parley.channel.email;

import io.parley.http.ApiProblem;
import io.parley.http.ApiResponse;
import io.parley.channel.email.inbound.InboundEmail;
import io.parley.channel.email.inbound.InboundEmails;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * POST /v1/inbound/email: an inbound-parse webhook for mail relays that forward what arrives for the reply domain,
 * as the raw message (Content-Type message/rfc822), authenticated with an API key that may write.
 */
public final class InboundEmailRoute {
    public static final String PATH = "/v1/inbound/email";

    private final Vertx vertx;
    private final EmailReplies replies;

    public InboundEmailRoute(Vertx vertx, EmailReplies replies) {
        this.vertx = vertx;
        this.replies = replies;
    }

    public void mount(Router router) {
        router.post(PATH).handler(this::receive);
    }

    private void receive(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("message/rfc822")) {
            ctx.fail(ApiProblem.unsupportedMediaType());
            return;
        }
        byte[] raw = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        if (raw.length == 0) {
            ctx.fail(ApiProblem.malformed("the body must be an email message (RFC 5322)"));
            return;
        }
        // parsing MIME (charsets, base64 parts) is CPU work and blocking I/O in Jakarta Mail: not on the event loop
        vertx.<InboundEmail>executeBlocking(() -> InboundEmails.parse(raw), false)
                .recover(e -> io.vertx.core.Future.failedFuture(ApiProblem.malformed("not a readable email: " + e.getMessage())))
                .compose(replies::receive)
                .onSuccess(taken -> new ApiResponse(202, new JsonObject().put("takenAs", taken)).send(ctx))
                .onFailure(ctx::fail);
    }
}
