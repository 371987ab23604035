package io.parley.channel.letter;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Closes print batches at their cut-off and hands them over, every poll interval, one turn at a time (a turn never
 * overlaps the next). Stopping waits for the turn under way.
 */
final class BatchLoop extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(BatchLoop.class);

    private final PrintBatches batches;
    private final Duration interval;
    private volatile boolean stopped;
    private Future<?> current = Future.succeededFuture();
    private long timer = -1;

    BatchLoop(PrintBatches batches, Duration interval) {
        this.batches = batches;
        this.interval = interval;
    }

    @Override
    public Future<?> start() {
        schedule(0);
        return Future.succeededFuture();
    }

    private void schedule(long delay) {
        if (stopped) {
            return;
        }
        timer = vertx.setTimer(Math.max(1, delay), id -> {
            current = batches.turn().onFailure(e -> LOG.warn("Print batch turn failed: {}", e.getMessage()))
                    .onComplete(ar -> schedule(interval.toMillis()));
        });
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        return current.otherwiseEmpty();
    }
}
