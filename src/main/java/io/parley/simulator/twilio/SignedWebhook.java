package io.parley.simulator.twilio;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a webhook the way Twilio does: a form POST signed with X-Twilio-Signature, tried again a few times when
 * the receiver cannot be reached or answers 5xx. Completes with the receiver's HTTP status, or fails when every try
 * failed to reach it.
 */
final class SignedWebhook {
    private static final Logger LOG = LoggerFactory.getLogger(SignedWebhook.class);
    private static final int ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Schedule schedule;
    private final WebClient client;
    private final String authToken;
    private final Duration backoff;

    SignedWebhook(Schedule schedule, WebClient client, String authToken, Duration backoff) {
        this.schedule = schedule;
        this.client = client;
        this.authToken = authToken;
        this.backoff = backoff;
    }

    Future<Integer> post(String url, Map<String, String> params) {
        return exchange(url, params).map(HttpResponse::statusCode);
    }

    /** Posts the webhook and completes with the receiver's whole answer (a TwiML document, for a call). */
    Future<HttpResponse<Buffer>> exchange(String url, Map<String, String> params) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        params.forEach(form::add);
        Delivery delivery = new Delivery(url, form, TwilioSignature.of(authToken, url, params),
                Sids.next(""));
        return attempt(delivery, 1)
                .onFailure(e -> {
                    if (e instanceof CancellationException) {
                        LOG.debug("webhook {} abandoned: the simulator is closing", url);
                    } else {
                        LOG.warn("webhook {} not delivered: {}", url, e.toString());
                    }
                });
    }

    /** One webhook: every try sends the same signed form with the same idempotency token. */
    private record Delivery(String url, MultiMap form, String signature, String idempotencyToken) {
    }

    private Future<HttpResponse<Buffer>> attempt(Delivery delivery, int attempt) {
        return send(delivery)
                .transform(result -> {
                    boolean retryable = result.failed() || result.result().statusCode() >= 500;
                    if (!retryable || attempt >= ATTEMPTS) {
                        return result.succeeded() ? Future.succeededFuture(result.result())
                                : Future.<HttpResponse<Buffer>>failedFuture(result.cause());
                    }
                    LOG.debug("webhook {} attempt {} of {} did not get through: {}", delivery.url(), attempt,
                            ATTEMPTS,
                            result.failed() ? result.cause().toString() : "HTTP " + result.result().statusCode());
                    return schedule.after(backoff.multipliedBy(attempt))
                            .compose(fired -> attempt(delivery, attempt + 1));
                });
    }

    private Future<HttpResponse<Buffer>> send(Delivery delivery) {
        return client.postAbs(delivery.url())
                .putHeader(TwilioSignature.HEADER, delivery.signature())
                .putHeader("User-Agent", "TwilioProxy/1.1")
                .putHeader("I-Twilio-Idempotency-Token", delivery.idempotencyToken())
                // the receiver's silence is timed, not the wait for a free connection (which a connect timeout
                // would include): a burst of callbacks queues for the pool instead of being dropped
                .idleTimeout(TIMEOUT.toMillis())
                .sendForm(delivery.form());
    }
}
