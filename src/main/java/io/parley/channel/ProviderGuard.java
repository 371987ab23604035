package io.parley.channel;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One provider operation's guards: its circuit breaker, rate limiter and bulkhead. A call is admitted by all three
 * or by none (nothing is sent, and the refusal says how long to wait), and every admitted call is reported done.
 */
record ProviderGuard(CircuitBreaker breaker, RateLimiter limiter, Bulkhead bulkhead) {

    /** Empty when the call may go; otherwise the result of a call that was not made, and its metric kind. */
    Optional<Refused> admit() {
        if (!breaker.tryAcquirePermission()) {
            return Optional.of(new Refused("circuit_open", "unavailable (circuit open)",
                    breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)));
        }
        if (!limiter.acquirePermission()) {
            breaker.releasePermission();
            return Optional.of(new Refused("rate_limited_here", "over its rate limit of "
                    + limiter.getRateLimiterConfig().getLimitForPeriod() + " calls per "
                    + limiter.getRateLimiterConfig().getLimitRefreshPeriod(),
                    limiter.getRateLimiterConfig().getLimitRefreshPeriod().toMillis()));
        }
        if (!bulkhead.tryAcquirePermission()) {
            breaker.releasePermission();
            return Optional.of(new Refused("bulkhead_full", "at its limit of "
                    + bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + " calls under way", 1000));
        }
        return Optional.empty();
    }

    /** An admitted call ended: as the provider's success, its fault, or neither (a refusal that is no fault). */
    void done(long elapsedNanos, Throwable providerFault) {
        bulkhead.onComplete();
        if (providerFault == null) {
            breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
        } else {
            breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, providerFault);
        }
    }

    /** A call the guards turned away. */
    record Refused(String kind, String why, long waitMillis) {
        SendResult result(String provider) {
            return SendResult.notAttempted(kind, "provider " + provider + " is " + why + "; nothing was sent")
                    .retryingAfter(Duration.ofMillis(waitMillis));
        }
    }
}
