package io.parley.channel;

import io.micrometer.core.instrument.Timer;
import io.parley.domain.Channel;
import io.parley.observability.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Non-blocking calls to a provider (on a Vert.x client, so no worker pool) behind the operation's circuit breaker,
 * rate limiter and bulkhead, as {@link ProviderCalls} runs blocking ones: a call the guards turn away is not made
 * (its step runs again after the wait they name); a call the provider refused before taking it (no connection; 429
 * or 503) is tried again after a pause on a timer, at most {@code retries} times; any other answer, a timeout or a
 * reset after the request went out above all, is never tried again here.
 */
public final class ProviderRequests {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private final Vertx vertx;
    private final ProviderGuard guard;
    private final Metrics metrics;
    private final Channel channel;
    private final String provider;
    private final Timer latency;
    private final ProviderResilience.Settings settings;

    ProviderRequests(Vertx vertx, ProviderGuard guard, Metrics metrics, Channel channel, String provider,
                     ProviderResilience.Settings settings) {
        this.vertx = vertx;
        this.guard = guard;
        this.metrics = metrics;
        this.channel = channel;
        this.provider = provider;
        this.settings = settings;
        this.latency = metrics.providerLatency(channel.wire(), provider);
    }

    /**
     * @param call  one try, whose future never fails (a transport failure is an answer too)
     * @param judge what an answer means for the attempt and the provider's health, and whether it may be tried again
     * @return the result, with the last answer unless the guards turned the call away
     */
    public <A> Future<Outcome<A>> call(Supplier<Future<A>> call, Function<A, Verdict> judge) {
        Optional<ProviderGuard.Refused> refused = guard.admit();
        if (refused.isPresent()) {
            metrics.providerError(channel.wire(), provider, refused.get().kind());
            return Future.succeededFuture(new Outcome<>(refused.get().result(provider), null));
        }
        long start = System.nanoTime();
        return attempt(call, judge, 0).map(answer -> {
            long elapsed = System.nanoTime() - start;
            latency.record(elapsed, TimeUnit.NANOSECONDS);
            Verdict verdict = judge.apply(answer);
            if (verdict.kind() != null) {
                metrics.providerError(channel.wire(), provider, verdict.kind());
            }
            guard.done(elapsed, verdict.providerFault() ? new IllegalStateException(verdict.kind()) : null);
            return new Outcome<>(verdict.result(), answer);
        });
    }

    private <A> Future<A> attempt(Supplier<Future<A>> call, Function<A, Verdict> judge, int done) {
        return call.get().compose(answer -> {
            Verdict verdict = judge.apply(answer);
            Duration pause = FIRST_PAUSE.multipliedBy(1L << done);
            if (!verdict.retry() || !verdict.result().notAttempted() || done >= settings.retries()
                    || pause.compareTo(settings.retryAfterMax()) > 0) {
                return Future.succeededFuture(answer);
            }
            metrics.providerError(channel.wire(), provider, verdict.kind() + "_retried");
            return vertx.timer(Math.max(1, pause.toMillis())).compose(fired -> attempt(call, judge, done + 1));
        });
    }

    /**
     * What an answer means: the attempt's result, its metric kind (null when all went well), whether it counts
     * against the provider's health, and whether it may be tried again (only when nothing went out).
     */
    public record Verdict(SendResult result, String kind, boolean providerFault, boolean retry) {
    }

    /** A call's result, and its last answer (null when the guards did not let it go). */
    public record Outcome<A>(SendResult result, A answer) {
    }
}
