package io.parley.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook deliverer's metrics: cases with events still to deliver, events delivered and how long after their
 * commit (parley_outbox_delivery_lag_seconds), and failed deliveries by result (http_4xx, http_5xx, http_other,
 * timeout, connection). Never a case id in a label.
 */
final class OutboxMetrics {
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final Counter delivered;
    private final Timer lag;

    OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        io.micrometer.core.instrument.Gauge.builder("parley.outbox.pending", pending, AtomicLong::get)
                .description("Cases with case events waiting in the outbox for the engine").register(registry);
        this.delivered = Counter.builder("parley.outbox.delivered")
                .description("Case events the engine's webhook accepted (2xx)").register(registry);
        this.lag = Timer.builder("parley.outbox.delivery.lag")
                .description("From a case event's commit to the engine's webhook accepting it")
                .publishPercentileHistogram().register(registry);
    }

    void pending(long cases) {
        pending.set(cases);
    }

    void delivered(Duration since) {
        delivered.increment();
        lag.record(since.isNegative() ? Duration.ZERO : since);
    }

    void failed(String result) {
        Counter.builder("parley.outbox.failed").description("Webhook deliveries of case events that failed")
                .tag("result", result).register(registry).increment();
    }
}
