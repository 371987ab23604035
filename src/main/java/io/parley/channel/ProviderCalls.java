package io.parley.channel;

import io.micrometer.core.instrument.Timer;
import io.parley.domain.Channel;
import io.parley.observability.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a blocking provider call on a bounded worker pool (unordered, so sends do not queue behind each other)
 * behind the operation's circuit breaker, rate limiter and bulkhead, times it, and turns every failure into a
 * SendResult. A call the guards turn away was not made: the attempt failed without contact, and its step runs again
 * after the wait they name. A call the provider refused before taking it (no connection; 429 or 503) is tried again
 * after a pause on a timer (no worker sleeps), at most {@code retries} times, after the provider's Retry-After when that is short; any other
 * failure after the request went out (a timeout, a reset, a 500) is never retried here: its outcome is unknown.
 */
public final class ProviderCalls {
    /**
     * A call still waiting for a worker this long after it was handed over is not made at all (the attempt failed
     * without contact, and its step runs again): the reconciler, which asks the provider about attempts left
     * without an answer only well after this, can then trust a provider that has no such message.
     */
    public static final Duration START_WITHIN = Duration.ofSeconds(30);
    /** The pause before trying again a call refused without a Retry-After, doubled each time. */
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private final Vertx vertx;
    private final TrackedPool workers;
    private final ProviderGuard send;
    private final Metrics metrics;
    private final Channel channel;
    private final String provider;
    private final Timer latency;
    private final ProviderResilience.Settings settings;

    ProviderCalls(Vertx vertx, TrackedPool workers, ProviderGuard send, Metrics metrics, Channel channel, String provider,
                  ProviderResilience.Settings settings) {
        this.vertx = vertx;
        this.workers = workers;
        this.send = send;
        this.metrics = metrics;
        this.channel = channel;
        this.provider = provider;
        this.settings = settings;
        this.latency = metrics.providerLatency(channel.wire(), provider);
    }

    /**
     * @param call     the blocking call, returning the provider's acceptance
     * @param classify maps a failure to a result and says whether it reflects on the provider's health
     */
    public Future<SendResult> call(Callable<SendResult> call, Function<Throwable, Classified> classify) {
        return call(call, classify, Optional::empty);
    }

    /**
     * @param retryAfter the Retry-After of the calling worker thread's latest response, read on that thread
     */
    public Future<SendResult> call(Callable<SendResult> call, Function<Throwable, Classified> classify,
                                   Supplier<Optional<Duration>> retryAfter) {
        Optional<ProviderGuard.Refused> refused = send.admit();
        if (refused.isPresent()) {
            metrics.providerError(channel.wire(), provider, refused.get().kind());
            return Future.succeededFuture(refused.get().result(provider));
        }
        long start = System.nanoTime();
        return attempt(call, classify, retryAfter, 0).transform(ar -> {
            long elapsed = System.nanoTime() - start;
            latency.record(elapsed, TimeUnit.NANOSECONDS);
            Ended ended;
            if (ar.succeeded()) {
                ended = ar.result();
            } else {
                Classified c = classify.apply(ar.cause());
                ended = new Ended(c.result(), c, ar.cause());
            }
            if (ended.failure() != null) {
                metrics.providerError(channel.wire(), provider, ended.classified().kind());
            }
            send.done(elapsed, ended.failure() != null && ended.classified().providerFault() ? ended.failure() : null);
            return Future.succeededFuture(ended.result());
        });
    }

    /**
     * One try on a worker; a try refused before the provider took it is tried again after its pause on a timer, so no
     * worker sleeps. A try still waiting for a worker {@link #START_WITHIN} after it was handed over is not made.
     */
    private Future<Ended> attempt(Callable<SendResult> call, Function<Throwable, Classified> classify,
                                  Supplier<Optional<Duration>> retryAfter, int done) {
        long handedOver = System.nanoTime();
        return workers.execute(() -> {
            if (System.nanoTime() - handedOver > START_WITHIN.toNanos()) {
                return new Try(new Ended(SendResult.notAttempted("queue_timeout", "waited over " + START_WITHIN
                        + " for a free " + provider + " worker; nothing was sent"), null, null), null);
            }
            try {
                return new Try(new Ended(call.call(), null, null), null);
            } catch (Exception e) {
                Classified c = classify.apply(e);
                // the provider's Retry-After, or the wait the failure itself names (an SMTP "try later")
                Optional<Duration> asked = c.result().notAttempted()
                        ? retryAfter.get().or(() -> Optional.ofNullable(c.result().retryAfter())) : Optional.empty();
                Duration pause = asked.orElse(FIRST_PAUSE.multipliedBy(1L << done));
                if (!c.result().notAttempted() || done >= settings.retries()
                        || pause.compareTo(settings.retryAfterMax()) > 0) {
                    return new Try(new Ended(c.result().retryingAfter(asked.orElse(null)), c, e), null);
                }
                metrics.providerError(channel.wire(), provider, c.kind() + "_retried");
                return new Try(null, pause);
            }
        }).compose(t -> t.ended() != null ? Future.succeededFuture(t.ended())
                : vertx.timer(Math.max(1, t.pause().toMillis()))
                        .compose(fired -> attempt(call, classify, retryAfter, done + 1)));
    }

    /** A blocking question to the provider (a lookup) on the same workers, outside the send guards. */
    public <T> Future<T> ask(Callable<T> question) {
        return workers.execute(question);
    }

    /** A failure's result, its metric kind, and whether it counts against the provider's health. */
    public record Classified(SendResult result, String kind, boolean providerFault) {
    }

    /** How a call ended: its result and, when it failed, how the failure was classified. */
    private record Ended(SendResult result, Classified classified, Throwable failure) {
    }

    /** A try's end, or the pause after which it is tried again. */
    private record Try(Ended ended, Duration pause) {
    }
}
