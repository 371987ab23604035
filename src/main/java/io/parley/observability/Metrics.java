package io.parley.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every metric the service publishes, named in one place. Labels carry channels, providers, outcomes and rule
 * names only: never case ids, debtor ids or contact points.
 */
public final class Metrics {
    private final MeterRegistry registry;
    private final Counter claimed;
    private final Timer lag;
    private final AtomicLong pendingDueSteps = new AtomicLong();
    private final AtomicLong unknownAttempts = new AtomicLong();

    public Metrics(MeterRegistry registry) {
        this.registry = registry;
        this.claimed = Counter.builder("parley.dispatch.claimed").description("Due steps claimed by dispatchers")
                .register(registry);
        this.lag = Timer.builder("parley.dispatch.lag").description("How late a due step was when claimed")
                .publishPercentileHistogram().register(registry);
        registry.gauge("parley.due.steps.pending", pendingDueSteps);
        // attempts that ended UNKNOWN in the last day: each is a possible contact to reconcile by hand
        registry.gauge("parley.attempts.unknown", unknownAttempts);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void claimed(int count) {
        claimed.increment(count);
    }

    public void lag(Duration late) {
        lag.record(late.isNegative() ? Duration.ZERO : late);
    }

    public void decision(String outcome, String rule) {
        registry.counter("parley.decisions", "outcome", outcome, "rule", rule).increment();
    }

    public void attemptStatus(String channel, String status) {
        registry.counter("parley.attempts", "channel", channel, "status", status).increment();
    }

    public Timer providerLatency(String channel, String provider) {
        return Timer.builder("parley.provider.latency").tags("channel", channel, "provider", provider)
                .publishPercentileHistogram().register(registry);
    }

    public void providerError(String channel, String provider, String kind) {
        registry.counter("parley.provider.errors", "channel", channel, "provider", provider, "kind", kind).increment();
    }

    public void stepFailures(int count) {
        if (count > 0) {
            registry.counter("parley.dispatch.step.errors").increment(count);
        }
    }

    public void reply(String channel, String intent) {
        registry.counter("parley.replies", "channel", channel, "intent", intent).increment();
    }

    public void callback(String channel, String result) {
        registry.counter("parley.callbacks", "channel", channel, "result", result).increment();
    }

    public void pendingDueSteps(long count) {
        pendingDueSteps.set(count);
    }

    public void unknownAttempts(long count) {
        unknownAttempts.set(count);
    }
}
