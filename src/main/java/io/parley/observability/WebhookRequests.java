package io.parley.observability;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/**
 * Counts every inbound webhook request once, at the route level, by a fixed endpoint name (never an id from the
 * path) and its result. A handler that knows more than its status code says names the result itself
 * ({@link #judge}: a signed callback for an attempt Parley does not know is answered 204 so that the provider stops
 * retrying, yet counted as {@code unknown_id}); otherwise the answer says it: accepted (2xx/3xx), forged (401/403:
 * the signature or token check failed), bad_request (400/413/422: a field missing or malformed), unknown_id (404/410:
 * no such attempt, call, letter or token), unavailable (503: the database is out, the provider should retry),
 * refused (other 4xx) or error (other 5xx).
 */
public final class WebhookRequests {
    static final String OPT_OUT_PREFIX = "/optout/";
    static final String EMAIL_INBOUND = "/v1/inbound/email";
    private static final String VOICE_PREFIX = "/webhooks/twilio/voice/";
    private static final Set<String> VOICE_STEPS = Set.of("answer", "keys", "dialed", "status");
    private static final String RESULT = "parley.webhook.result";

    private WebhookRequests() {
    }

    /** Mount before any route that serves a webhook, so that every answer, refusals included, is counted. */
    public static void mount(Router router, Metrics metrics) {
        router.route().handler(ctx -> {
            String endpoint = endpoint(ctx.normalizedPath());
            if (endpoint != null) {
                ctx.addHeadersEndHandler(v -> {
                    String judged = ctx.get(RESULT);
                    metrics.webhook(endpoint, judged != null ? judged : result(ctx.response().getStatusCode()));
                });
            }
            ctx.next();
        });
    }

    /**
     * Names this request's result where the status code alone would mislead (one of the results above, or
     * {@code duplicate} for a callback already applied).
     */
    public static void judge(RoutingContext ctx, String result) {
        ctx.put(RESULT, result);
    }

    /** The fixed name of the webhook route a path belongs to, or null when it is no webhook. */
    static String endpoint(String path) {
        if (path.startsWith(OPT_OUT_PREFIX)) {
            return "email_unsubscribe";
        }
        if (path.equals(EMAIL_INBOUND)) {
            return "email_inbound";
        }
        if (path.startsWith(VOICE_PREFIX)) {
            String step = path.substring(path.lastIndexOf('/') + 1);
            return "twilio_voice_" + (VOICE_STEPS.contains(step) ? step : "other");
        }
        return switch (path) {
            case "/webhooks/twilio/sms/status" -> "twilio_sms_status";
            case "/webhooks/twilio/sms/inbound" -> "twilio_sms_inbound";
            case "/webhooks/wechat" -> "wechat";
            case "/webhooks/printhouse/events" -> "printhouse_events";
            default -> path.startsWith("/webhooks/") ? "other" : null;
        };
    }

    static String result(int status) {
        if (status < 400) {
            return "accepted";
        }
        if (status == 401 || status == 403) {
            return "forged";
        }
        if (status == 503) {
            return "unavailable";
        }
        if (status == 400 || status == 413 || status == 422) {
            return "bad_request";
        }
        if (status == 404 || status == 410) {
            return "unknown_id";
        }
        return status < 500 ? "refused" : "error";
    }
}
