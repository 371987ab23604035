package io.parley.channel;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Timer;
import io.parley.domain.Channel;
import io.parley.observability.Metrics;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a blocking provider call on a bounded worker pool (unordered, so sends do not queue behind each other)
 * behind a circuit breaker, times it, and turns every failure into a SendResult. An open breaker means the call
 * was not made: the attempt failed without contact.
 */
public final class ProviderCalls {
    /**
     * A call still waiting for a worker this long after it was handed over is not made at all (the attempt failed
     * without contact, and its step runs again): the reconciler, which asks the provider about attempts left
     * without an answer only well after this, can then trust a provider that has no such message.
     */
    public static final Duration START_WITHIN = Duration.ofSeconds(30);
    private final WorkerExecutor workers;
    private final CircuitBreaker breaker;
    private final Metrics metrics;
    private final Channel channel;
    private final String provider;
    private final Timer latency;

    public ProviderCalls(WorkerExecutor workers, CircuitBreaker breaker, Metrics metrics, Channel channel,
                         String provider) {
        this.workers = workers;
        this.breaker = breaker;
        this.metrics = metrics;
        this.channel = channel;
        this.provider = provider;
        this.latency = metrics.providerLatency(channel.wire(), provider);
    }

    /**
     * @param call     the blocking call, returning the provider's acceptance
     * @param classify maps a failure to a result and says whether it reflects on the provider's health
     */
    public Future<SendResult> call(Callable<SendResult> call, Function<Throwable, Classified> classify) {
        if (!breaker.tryAcquirePermission()) {
            metrics.providerError(channel.wire(), provider, "circuit_open");
            return Future.succeededFuture(SendResult.notAttempted("circuit_open",
                    "provider " + provider + " is unavailable (circuit open); nothing was sent"));
        }
        long start = System.nanoTime();
        Callable<SendResult> unlessLate = () -> System.nanoTime() - start > START_WITHIN.toNanos()
                ? SendResult.notAttempted("queue_timeout", "waited over " + START_WITHIN + " for a free " + provider
                + " worker; nothing was sent")
                : call.call();
        return workers.executeBlocking(unlessLate, false).transform(ar -> {
            long elapsed = System.nanoTime() - start;
            latency.record(elapsed, TimeUnit.NANOSECONDS);
            if (ar.succeeded()) {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                return Future.succeededFuture(ar.result());
            }
            Classified c = classify.apply(ar.cause());
            metrics.providerError(channel.wire(), provider, c.kind());
            if (c.providerFault()) {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, ar.cause());
            } else {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            }
            return Future.succeededFuture(c.result());
        });
    }

    /** A blocking question to the provider (a lookup) on the same workers, outside the circuit breaker. */
    public <T> Future<T> ask(Callable<T> question) {
        return workers.executeBlocking(question, false);
    }

    /** A failure's result, its metric kind, and whether it counts against the provider's health. */
    public record Classified(SendResult result, String kind, boolean providerFault) {
    }
}
