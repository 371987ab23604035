package io.parley.channel.sms;

import com.twilio.security.RequestValidator;
import io.parley.channel.AttemptChange;
import io.parley.channel.ChannelServices;
import io.parley.domain.AttemptStatus;
import io.parley.observability.Metrics;
import io.parley.observability.WebhookRequests;
import io.vertx.core.Handler;
import io.parley.channel.ProviderForm;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Twilio's message status callbacks. The X-Twilio-Signature must verify against the exact public URL Twilio called
 * (403 otherwise); the attempt named in that URL moves forward only, so duplicates and late callbacks change
 * nothing.
 */
public final class TwilioStatusWebhook implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioStatusWebhook.class);
    private final RequestValidator validator;
    private final String publicBaseUrl;
    private final ChannelServices outcomes;
    private final Metrics metrics;

    public TwilioStatusWebhook(String authToken, String publicBaseUrl, ChannelServices outcomes, Metrics metrics) {
        this.validator = new RequestValidator(authToken);
        this.publicBaseUrl = publicBaseUrl;
        this.outcomes = outcomes;
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String url = publicBaseUrl + ctx.request().uri();
        Map<String, String> params = ProviderForm.of(ctx);
        String signature = ctx.request().getHeader("X-Twilio-Signature");
        if (signature == null || !validator.validate(url, params, signature)) {
            metrics.callback("sms", "forged");
            LOG.warn("Rejected a Twilio status callback with a missing or invalid signature");
            ctx.response().setStatusCode(403).end();
            return;
        }
        UUID attemptId;
        AttemptStatus status;
        try {
            attemptId = UUID.fromString(ctx.queryParams().get("attempt"));
            status = TwilioMessageStatus.toAttemptStatus(params.get("MessageStatus"));
        } catch (RuntimeException e) {
            metrics.callback("sms", "unknown_attempt");
            WebhookRequests.judge(ctx, "unknown_id");
            LOG.warn("Signed Twilio status callback names no attempt or an unknown status: {}", e.getMessage());
            ctx.response().setStatusCode(204).end();
            return;
        }
        String errorCode = params.get("ErrorCode");
        outcomes.record(List.of(AttemptChange.failed(attemptId, status, params.get("MessageSid"), errorCode,
                        errorCode == null ? null : "Twilio error " + errorCode)))
                .onSuccess(applied -> {
                    metrics.callback("sms", applied.isEmpty() ? "duplicate" : "accepted");
                    WebhookRequests.judge(ctx, applied.isEmpty() ? "duplicate" : "accepted");
                    ctx.response().setStatusCode(204).end();
                })
                .onFailure(ctx::fail);
    }
}
