package io.parley.channel.email;

import io.parley.http.ApiProblem;
import io.parley.http.ApiResponse;
import io.parley.channel.InboundInbox;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * POST /v1/inbound/email: an inbound-parse webhook for mail relays that forward what arrives for the reply domain,
 * as the raw message (Content-Type message/rfc822), authenticated with an API key that may write. The message is
 * stored first, once per Message-ID, then read and acted on: 202 with what it was taken as when that was done in
 * time ("pending" when it goes on, "duplicate" when it was received before, "quarantined" when it cannot be read);
 * 503 when it cannot be stored (the relay tries again, nothing was done).
 */
public final class InboundEmailRoute {
    public static final String PATH = "/v1/inbound/email";

    private final InboundInbox inbox;

    public InboundEmailRoute(InboundInbox inbox) {
        this.inbox = inbox;
    }

    public void mount(Router router) {
        router.post(PATH).handler(this::receive);
    }

    private void receive(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("message/rfc822")) {
            ctx.fail(ApiProblem.unsupportedMediaType("message/rfc822"));
            return;
        }
        byte[] raw = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        if (raw.length == 0) {
            ctx.fail(ApiProblem.malformed("the body must be an email message (RFC 5322)"));
            return;
        }
        inbox.arrive(RawMail.dedupeKey(raw), RawMail.payload(raw))
                .onSuccess(arrival -> new ApiResponse(202, new JsonObject().put("takenAs", !arrival.fresh() ? "duplicate"
                        : arrival.handled().map(h -> h.unreadable() ? "quarantined" : h.outcome()).orElse("pending")))
                        .send(ctx))
                .onFailure(e -> ctx.response().setStatusCode(503).putHeader("Retry-After", "30")
                        .putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("type", "about:blank").put("title", "Service Unavailable")
                                .put("status", 503).put("detail", "the message could not be stored; send it again later")
                                .encode()));
    }
}
