package io.parley.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every metric the service publishes, named in one place. Labels carry channels, providers, outcomes and rule
 * names only: never case ids, debtor ids or contact points.
 */
public final class Metrics {
    private final MeterRegistry registry;
    private final Counter claimed;
    private final Counter setAside;
    private final Timer lag;
    private final AtomicLong pendingDueSteps = new AtomicLong();
    private final AtomicLong unknownAttempts = new AtomicLong();
    private final Map<String, PoolUse> pools = new ConcurrentHashMap<>();
    private final Map<String, Timer> stages = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public Metrics(MeterRegistry registry) {
        this.registry = registry;
        this.claimed = Counter.builder("parley.dispatch.claimed").description("Due steps claimed by dispatchers")
                .register(registry);
        // registered at once, so that an alert on it sees zero rather than no series before the first
        this.setAside = Counter.builder("parley.dispatch.steps.set.aside")
                .description("Due steps set aside for a lease because the database refused their batch with them alone")
                .register(registry);
        this.lag = Timer.builder("parley.dispatch.lag").description("How late a due step was when claimed")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("parley.due.steps.pending", pendingDueSteps, AtomicLong::get)
                .description("Due steps whose time has come and that no dispatcher has claimed yet").register(registry);
        // attempts that ended UNKNOWN in the last day: each is a possible contact to reconcile by hand
        Gauge.builder("parley.attempts.unknown", unknownAttempts, AtomicLong::get)
                .description("Attempts of the last day in the UNKNOWN state, waiting for reconciliation").register(registry);
    }

    /**
     * Vert.x's own timers (HTTP server response time, pool queue and usage time) as Prometheus histograms, so that
     * dashboards can take quantiles across instances. Call before Vert.x registers its meters.
     */
    public static void vertxHistograms(MeterRegistry registry) {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().startsWith("vertx.")
                        ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
                        : config;
            }
        });
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

    /**
     * How long one stage of a dispatch round took, from its start: {@code claim} (until the claimed steps are back),
     * {@code commit} (until the batch worked out from them is committed, its sends about to be handed over).
     */
    public void dispatchStage(String stage, Duration took) {
        stages.computeIfAbsent(stage, name -> Timer.builder("parley.dispatch.stage").tag("stage", name)
                .description("Time from a dispatch round's start to its claim coming back, and to its batch's commit")
                .publishPercentileHistogram().register(registry)).record(took.isNegative() ? Duration.ZERO : took);
    }

    public void decision(String outcome, String rule) {
        count("parley.decisions", "Contact policy decisions by outcome and the rule that decided", "outcome", outcome, "rule", rule);
    }

    public void attemptStatus(String channel, String status) {
        count("parley.attempts", "Attempt status changes by channel and status", "channel", channel, "status", status);
    }

    public Timer providerLatency(String channel, String provider) {
        return Timer.builder("parley.provider.latency").tags("channel", channel, "provider", provider)
                .description("Time of each call to a provider, successful or not")
                .publishPercentileHistogram().register(registry);
    }

    public void providerError(String channel, String provider, String kind) {
        count("parley.provider.errors", "Provider calls that failed, by kind of failure", "channel", channel, "provider", provider,
                "kind", kind);
    }

    public void stepFailures(int count) {
        if (count > 0) {
            Counter.builder("parley.dispatch.step.errors").description("Due steps whose dispatch failed with an error")
                    .register(registry).increment(count);
        }
    }

    public void stepsSetAside(int count) {
        setAside.increment(count);
    }

    public void reply(String channel, String intent) {
        count("parley.replies", "Inbound replies by channel and the intent read from them", "channel", channel, "intent", intent);
    }

    /**
     * One provider webhook request (status callback, inbound message, call turn), by channel and result; "forged"
     * counts signature failures.
     */
    public void callback(String channel, String result) {
        count("parley.callbacks", "Provider webhook requests by channel and result (forged = bad signature)",
                "channel", channel, "result", result);
    }

    /** One inbound webhook request, by fixed endpoint name and result (see {@link WebhookRequests}). */
    public void webhook(String endpoint, String result) {
        count("parley.webhook.requests", "Inbound webhook requests by endpoint and result (forged = bad signature)",
                "endpoint", endpoint, "result", result);
    }

    /** A contact point or debtor opted out, by the channel the opt-out came through. */
    public void optOut(String channel) {
        count("parley.opt.outs", "Opt-outs recorded, by the channel they came through", "channel", channel);
    }

    /** The use of a named worker pool; pools of the same name (shared executors) share one. */
    public PoolUse workerPool(String pool) {
        return pools.computeIfAbsent(pool, name -> {
            PoolUse use = new PoolUse(Timer.builder("parley.worker.pool.wait").tag("pool", name)
                    .description("How long a provider worker pool task waited for a free worker")
                    .publishPercentileHistogram().register(registry));
            Gauge.builder("parley.worker.pool.active", use, PoolUse::active).tag("pool", name)
                    .description("Provider worker pool tasks running now").register(registry);
            Gauge.builder("parley.worker.pool.queued", use, PoolUse::queued).tag("pool", name)
                    .description("Provider worker pool tasks waiting for a free worker").register(registry);
            return use;
        });
    }

    private void count(String name, String help, String... tags) {
        // registered once per name and tags: looking a meter up through the registry costs more than counting
        counters.computeIfAbsent(name + '\0' + String.join("\0", tags),
                key -> Counter.builder(name).description(help).tags(tags).register(registry)).increment();
    }

    public void pendingDueSteps(long count) {
        pendingDueSteps.set(count);
    }

    public void unknownAttempts(long count) {
        unknownAttempts.set(count);
    }
}
