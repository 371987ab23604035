package io.parley.channel.voice;

import com.twilio.security.RequestValidator;
import io.parley.channel.ProviderForm;
import io.parley.observability.Metrics;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The per-call webhooks Twilio calls during a call (POST {@value CallLinks#PREFIX}{attempt}/answer, keys, dialed,
 * status). Each must carry an X-Twilio-Signature that verifies against the exact public URL it was sent to (403
 * otherwise). The call's TwiML requests are answered with TwiML; status callbacks with 204.
 */
final class CallWebhooks {
    private static final Logger LOG = LoggerFactory.getLogger(CallWebhooks.class);
    /** Form bodies of Twilio's webhooks are small; anything larger is refused before parsing. */

    private final RequestValidator validator;
    private final String publicBaseUrl;
    private final CallTurns turns;
    private final CallStatusWebhook status;
    private final Metrics metrics;

    CallWebhooks(String authToken, String publicBaseUrl, CallTurns turns, CallStatusWebhook status, Metrics metrics) {
        this.validator = new RequestValidator(authToken);
        this.publicBaseUrl = publicBaseUrl;
        this.turns = turns;
        this.status = status;
        this.metrics = metrics;
    }

    void mount(Router router, ProviderForm.Limits forms) {
        router.post(CallLinks.PREFIX + ":attempt/:what").handler(ProviderForm.reader(forms)).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        Map<String, String> params = new HashMap<>(ProviderForm.of(ctx));
        String signature = ctx.request().getHeader("X-Twilio-Signature");
        if (signature == null || !validator.validate(publicBaseUrl + ctx.request().uri(), params, signature)) {
            metrics.callback("voice", "forged");
            LOG.warn("Rejected a Twilio call webhook with a missing or invalid signature");
            ctx.response().setStatusCode(403).end();
            return;
        }
        UUID attempt;
        try {
            attempt = UUID.fromString(ctx.pathParam("attempt"));
        } catch (IllegalArgumentException e) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        String callSid = params.get("CallSid");
        Future<String> twiml = switch (ctx.pathParam("what")) {
            case CallLinks.ANSWER -> turns.answer(attempt, params.get("AnsweredBy"), callSid);
            case CallLinks.KEYS -> turns.keys(attempt, turn(ctx), ctx.queryParams().contains("silence") ? null
                    : params.getOrDefault("Digits", ""), callSid);
            case CallLinks.DIALED -> turns.dialed(attempt, turn(ctx), params.get("DialCallStatus"), callSid);
            case CallLinks.STATUS -> status.handle(attempt, params).map((String) null);
            default -> null;
        };
        if (twiml == null) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        twiml.onSuccess(xml -> {
            if (xml == null) {
                ctx.response().setStatusCode(204).end();
            } else {
                ctx.response().putHeader("Content-Type", "text/xml").end(xml);
            }
        }).onFailure(ctx::fail);
    }

    /** The turn a request answers; -1 (answered by nothing) when it is missing or malformed. */
    private static int turn(RoutingContext ctx) {
        try {
            return Integer.parseInt(ctx.queryParams().get("turn"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
