package io.parley.channel.sms;

import com.twilio.security.RequestValidator;
import io.parley.domain.Channel;
import io.parley.inbound.InboundReply;
import io.parley.inbound.ReplyRouter;
import io.parley.store.InboundRequests;
import io.vertx.core.Future;
import io.parley.channel.ChannelServices;
import io.parley.channel.InboundInbox;
import io.parley.channel.ProviderForm;
import io.vertx.core.json.JsonObject;
import io.parley.observability.Metrics;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Inbound SMS as Twilio delivers it (form-encoded, signed): 403 unless X-Twilio-Signature verifies against the public
 * URL; otherwise stored raw first, once per MessageSid ({@link InboundInbox}), then routed as a reply, and answered
 * with TwiML: the one confirmation or HELP text when routing was done in time, else empty (a reply whose routing
 * failed is taken up again from the store). When the request cannot be stored (the database is down) the answer is
 * 503, so Twilio tries again, and nothing was done.
 */
final class TwilioInboundWebhook implements Handler<RoutingContext> {
    static final String PATH = "/webhooks/twilio/sms/inbound";
    private static final Logger LOG = LoggerFactory.getLogger(TwilioInboundWebhook.class);

    private final RequestValidator validator;
    private final String publicBaseUrl;
    private final InboundInbox inbox;
    private final Metrics metrics;

    TwilioInboundWebhook(String authToken, String publicBaseUrl, InboundInbox inbox, Metrics metrics) {
        this.validator = new RequestValidator(authToken);
        this.publicBaseUrl = publicBaseUrl;
        this.inbox = inbox;
        this.metrics = metrics;
    }

    /**
     * What is done with stored inbound texts: routed as replies (those stored together in one transaction), each
     * answered with its TwiML message.
     */
    static InboundInbox.Work work(ChannelServices router) {
        return new InboundInbox.Work() {
            @Override
            public Future<InboundInbox.Handled> act(JsonObject payload, Instant receivedAt) {
                return router.reply(reply(payload, receivedAt)).map(TwilioInboundWebhook::handled);
            }

            @Override
            public Future<List<Future<InboundInbox.Handled>>> actAll(List<InboundRequests.Raw> requests) {
                List<InboundReply> replies = requests.stream().map(r -> reply(r.payload(), r.receivedAt())).toList();
                return router.replies(replies).map(routed -> routed.stream()
                        .map(f -> f.map(TwilioInboundWebhook::handled)).toList());
            }
        };
    }

    private static InboundReply reply(JsonObject payload, Instant receivedAt) {
        return new InboundReply(Channel.SMS, payload.getString("MessageSid"), payload.getString("From"),
                payload.getString("To"), payload.getString("Body", ""), receivedAt, null);
    }

    private static InboundInbox.Handled handled(ReplyRouter.Routed routed) {
        return InboundInbox.Handled.done(routed.duplicate() ? "duplicate" : routed.intent().wire(), routed.answer());
    }

    @Override
    public void handle(RoutingContext ctx) {
        Map<String, String> params = ProviderForm.of(ctx);
        String signature = ctx.request().getHeader("X-Twilio-Signature");
        if (signature == null || !validator.validate(publicBaseUrl + ctx.request().uri(), params, signature)) {
            metrics.callback("sms", "forged");
            LOG.warn("Rejected an inbound SMS webhook with a missing or invalid signature");
            ctx.response().setStatusCode(403).end();
            return;
        }
        String sid = params.get("MessageSid");
        String from = params.get("From");
        if (sid == null || from == null) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain").end("MessageSid and From are required");
            return;
        }
        JsonObject payload = new JsonObject();
        params.forEach(payload::put);
        inbox.arrive(sid, payload).onSuccess(arrival -> ctx.response().putHeader("Content-Type", "text/xml")
                .end(TwiML.message(arrival.handled().flatMap(InboundInbox.Handled::answer).orElse(null))))
                .onFailure(e -> {
                    LOG.warn("An inbound SMS could not be stored; answered 503 so Twilio tries again: {}", e.toString());
                    ctx.response().setStatusCode(503).putHeader("Retry-After", "30").end();
                });
    }
}
