package io.parley.channel.sms;

import com.twilio.security.RequestValidator;
import io.parley.domain.Channel;
import io.parley.inbound.InboundReply;
import io.parley.channel.ChannelServices;
import io.parley.observability.Metrics;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Inbound SMS as Twilio delivers it (form-encoded, signed): 403 unless X-Twilio-Signature verifies against the public
 * URL; otherwise routed once per MessageSid and answered with TwiML, empty or with the one confirmation or HELP text.
 */
final class TwilioInboundWebhook implements Handler<RoutingContext> {
    static final String PATH = "/webhooks/twilio/sms/inbound";
    private static final Logger LOG = LoggerFactory.getLogger(TwilioInboundWebhook.class);

    private final RequestValidator validator;
    private final String publicBaseUrl;
    private final ChannelServices router;
    private final Metrics metrics;
    private final Clock clock;

    public TwilioInboundWebhook(String authToken, String publicBaseUrl, ChannelServices router, Metrics metrics,
                                Clock clock) {
        this.validator = new RequestValidator(authToken);
        this.publicBaseUrl = publicBaseUrl;
        this.router = router;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Map<String, String> params = new HashMap<>();
        ctx.request().formAttributes().forEach(e -> params.put(e.getKey(), e.getValue()));
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
        InboundReply reply = new InboundReply(Channel.SMS, sid, from, params.get("To"),
                params.getOrDefault("Body", ""), clock.instant(), null);
        router.reply(reply).onSuccess(routed -> ctx.response().putHeader("Content-Type", "text/xml")
                .end(TwiML.message(routed.answer().orElse(null)))).onFailure(ctx::fail);
    }
}
