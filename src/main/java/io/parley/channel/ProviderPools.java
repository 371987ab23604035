package io.parley.channel;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.parley.domain.Channel;
import io.parley.observability.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounded, named worker pools for blocking provider SDKs, each call behind the provider's circuit breaker (bound
 * to the metrics registry). Closed with the service.
 */
public final class ProviderPools {
    private final Vertx vertx;
    private final Metrics metrics;
    private final CircuitBreakerRegistry breakers;
    private final List<WorkerExecutor> pools = new ArrayList<>();

    public ProviderPools(Vertx vertx, Metrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(50).minimumNumberOfCalls(20).slidingWindowSize(50)
                .waitDurationInOpenState(Duration.ofSeconds(30)).permittedNumberOfCallsInHalfOpenState(5).build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(metrics.registry());
    }

    /**
     * Blocking calls to one provider of a channel on a pool of at most {@code workers} threads named
     * {@code <channel>-sender}, behind the circuit breaker {@code <channel>-<provider>}.
     */
    public synchronized ProviderCalls blocking(Channel channel, String provider, int workers) {
        WorkerExecutor pool = vertx.createSharedWorkerExecutor(channel.wire() + "-sender", workers);
        pools.add(pool);
        return new ProviderCalls(pool, breaker(channel, provider), metrics, channel, provider);
    }

    /** The circuit breaker of one provider of a channel, for non-blocking clients. */
    public CircuitBreaker breaker(Channel channel, String provider) {
        return breakers.circuitBreaker(channel.wire() + "-" + provider);
    }

    public synchronized void close() {
        pools.forEach(WorkerExecutor::close);
        pools.clear();
    }
}
