package io.parley.observability;

import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How busy one named worker pool is: tasks running on it now and tasks handed to it that wait for a free worker,
 * published as parley_worker_pool_active{pool} and parley_worker_pool_queued{pool}, and how long each task waited
 * for its worker (parley_worker_pool_wait_seconds{pool}).
 */
public final class PoolUse {
    private final Timer waits;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();

    PoolUse(Timer waits) {
        this.waits = waits;
    }

    int active() {
        return active.get();
    }

    int queued() {
        return queued.get();
    }

    /** A task was handed to the pool and waits for a worker. */
    public void handedOver() {
        queued.incrementAndGet();
    }

    /** A worker took a task that had waited this long. */
    public void started(long waitedNanos) {
        waits.record(waitedNanos, TimeUnit.NANOSECONDS);
        queued.decrementAndGet();
        active.incrementAndGet();
    }

    /** A running task ended. */
    public void finished() {
        active.decrementAndGet();
    }

    /** A waiting task was dropped without running (the pool closed). */
    public void dropped() {
        queued.decrementAndGet();
    }
}
