package io.parley.channel;

import io.parley.observability.PoolUse;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** A provider worker pool whose tasks are counted while they wait and while they run (see {@link PoolUse}). */
record TrackedPool(WorkerExecutor workers, PoolUse use) {

    /** Runs a blocking task on the pool, unordered. */
    <T> Future<T> execute(Callable<T> task) {
        AtomicBoolean started = new AtomicBoolean();
        use.handedOver();
        long handedAt = System.nanoTime();
        return workers.<T>executeBlocking(() -> {
            started.set(true);
            use.started(System.nanoTime() - handedAt);
            try {
                return task.call();
            } finally {
                use.finished();
            }
        }, false).andThen(ar -> {
            if (!started.get()) {
                use.dropped();
            }
        });
    }
}
