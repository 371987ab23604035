package io.parley.observability;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How busy one named worker pool is: tasks running on it now and tasks handed to it that wait for a free worker,
 * published as parley_worker_pool_active{pool} and parley_worker_pool_queued{pool}.
 */
public final class PoolUse {
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();

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

    /** A worker took a waiting task. */
    public void started() {
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
