package io.parley.channel;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.parley.domain.Channel;
import io.parley.observability.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounded, named worker pools for blocking provider SDKs, each provider operation behind its own circuit breaker,
 * rate limiter and bulkhead (named {@code <channel>-<provider>-<operation>}, bound to the metrics registry, the
 * breaker's state among them). Closed with the service.
 */
public final class ProviderPools {
    /** The operation every sender guards: a send. */
    public static final String SEND = "send";
    private final Vertx vertx;
    private final Metrics metrics;
    private final ProviderResilience.Settings settings;
    private final CircuitBreakerRegistry breakers;
    private final RateLimiterRegistry limiters;
    private final BulkheadRegistry bulkheads;
    private final List<WorkerExecutor> pools = new ArrayList<>();

    public ProviderPools(Vertx vertx, Metrics metrics) {
        this(vertx, metrics, ProviderResilience.Settings.defaults());
    }

    public ProviderPools(Vertx vertx, Metrics metrics, ProviderResilience.Settings settings) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.settings = settings;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRate()).minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowSize(Math.max(settings.window(), settings.minimumCalls()))
                .waitDurationInOpenState(settings.openFor()).permittedNumberOfCallsInHalfOpenState(5)
                // steps wait while it is open and make no calls: it must half-open on its own to let some through
                .automaticTransitionFromOpenToHalfOpenEnabled(true).build());
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom().limitForPeriod(settings.ratePerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(settings.maxConcurrent())
                .maxWaitDuration(Duration.ZERO).build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(metrics.registry());
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(metrics.registry());
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(metrics.registry());
    }

    /**
     * Blocking calls to one provider of a channel on a pool of at most {@code workers} threads named
     * {@code <channel>-sender}, its sends guarded.
     */
    public synchronized ProviderCalls blocking(Channel channel, String provider, int workers) {
        String name = channel.wire() + "-sender";
        WorkerExecutor pool = vertx.createSharedWorkerExecutor(name, workers);
        pools.add(pool);
        return new ProviderCalls(vertx, new TrackedPool(pool, metrics.workerPool(name)), guard(channel, provider, SEND),
                metrics, channel, provider, settings);
    }

    /** Guarded sends to one provider of a channel on a non-blocking client (no worker pool). */
    public ProviderRequests nonBlocking(Channel channel, String provider) {
        return new ProviderRequests(vertx, guard(channel, provider, SEND), metrics, channel, provider, settings);
    }

    /**
     * Whether a send breaker of the channel is open now: its steps take a fallback channel or wait (see
     * {@link #openFor()}).
     */
    public boolean open(Channel channel) {
        String prefix = channel.wire() + "-";
        return breakers.getAllCircuitBreakers().stream()
                .filter(b -> b.getName().startsWith(prefix) && b.getName().endsWith("-" + SEND))
                .anyMatch(b -> b.getState() == CircuitBreaker.State.OPEN
                        || b.getState() == CircuitBreaker.State.FORCED_OPEN);
    }

    /** How long an opened breaker stays open before it lets a few calls try again. */
    public Duration openFor() {
        return settings.openFor();
    }

    private ProviderGuard guard(Channel channel, String provider, String operation) {
        String name = name(channel, provider, operation);
        return new ProviderGuard(breakers.circuitBreaker(name), limiters.rateLimiter(name),
                bulkheads.bulkhead(name));
    }

    private static String name(Channel channel, String provider, String operation) {
        return channel.wire() + "-" + provider + "-" + operation;
    }

    public synchronized void close() {
        pools.forEach(WorkerExecutor::close);
        pools.clear();
    }
}
