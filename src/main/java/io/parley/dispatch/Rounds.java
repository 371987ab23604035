package io.parley.dispatch;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.function.Function;

/**
 * A dispatcher's rounds on its context: up to {@code depth} at once, so that a round can claim while the one before
 * is still writing its batch. A round starts when woken (the due alarm fired, or the round before claimed a full
 * batch: it says so through the callback it is given, as soon as it knows), and otherwise at the poll interval,
 * the backstop. When a round ends without more to do, {@code idle} runs (the look ahead that arms the due alarm).
 * A failed round is followed after the poll interval. Stopping lets the rounds under way finish.
 */
final class Rounds {
    private final Vertx vertx;
    private final int depth;
    private final Duration poll;
    private final Function<Runnable, Future<?>> round;
    private final Runnable idle;
    private Context context;
    private boolean running;
    private int under;
    private boolean again;
    private long pollTimer = -1;
    private Promise<Void> stopped;

    Rounds(Vertx vertx, int depth, Duration poll, Function<Runnable, Future<?>> round, Runnable idle) {
        this.vertx = vertx;
        this.depth = depth;
        this.poll = poll;
        this.round = round;
        this.idle = idle;
    }

    /** Starts with a round at once, on the calling verticle's context. */
    Rounds start() {
        context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            running = true;
            next();
        });
        return this;
    }

    /** Starts a round now (or as soon as one under way ends, at the depth); safe from any thread. */
    void wake() {
        if (context != null) {
            context.runOnContext(v -> next());
        }
    }

    /** Starts no more rounds; completes when those under way have ended. Safe from any thread. */
    Future<Void> stop() {
        if (context == null) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            running = false;
            cancelPoll();
            if (under == 0) {
                done.complete();
            } else if (stopped == null) {
                stopped = done;
            } else {
                stopped.future().onComplete(done);
            }
        });
        return done.future();
    }

    private void next() {
        if (!running) {
            return;
        }
        if (under >= depth) {
            again = true;
            return;
        }
        cancelPoll();
        again = false;
        under++;
        boolean[] more = {false};
        Future<?> result;
        try {
            result = round.apply(() -> {
                if (!more[0]) {
                    more[0] = true;
                    context.runOnContext(v -> next());
                }
            });
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(ar -> context.runOnContext(v -> ended(ar.failed(), more[0])));
    }

    private void ended(boolean failed, boolean more) {
        under--;
        if (!running) {
            if (under == 0 && stopped != null) {
                stopped.complete();
            }
            return;
        }
        if (!failed && !more) {
            // even with another round under way: under a steady stream rounds overlap, and the alarm must stay armed
            idle.run();
        }
        if (again && !failed) {
            next();
        } else if (under == 0) {
            pollTimer = vertx.setTimer(Math.max(1, poll.toMillis()), id -> {
                pollTimer = -1;
                next();
            });
        }
    }

    private void cancelPoll() {
        if (pollTimer != -1) {
            vertx.cancelTimer(pollTimer);
            pollTimer = -1;
        }
    }
}
