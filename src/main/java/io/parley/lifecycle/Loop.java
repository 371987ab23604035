package io.parley.lifecycle;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Work done in rounds on one context, for as long as its verticle is deployed: a round runs; then the loop waits its
 * interval, or goes on at once when the round found more to do or the loop was woken meanwhile. A round that fails
 * is followed after the failure pause (the round reports its own failure). Rounds never overlap, and stopping lets the
 * round in hand finish.
 *
 * <p>Create and start it in a verticle's {@code start()}, stop it in {@code stop()}; {@link #wake()} may be called
 * from any thread.
 */
public final class Loop {
    private final Vertx vertx;
    private final Duration interval;
    private final Duration afterFailure;
    private final Supplier<Future<Boolean>> round;
    private Context context;
    private boolean running;
    private boolean inRound;
    private boolean woken;
    private long timer = -1;
    private Promise<Void> stopped;

    /**
     * @param round one round; completes with true when there is more to do at once
     */
    public Loop(Vertx vertx, Duration interval, Duration afterFailure, Supplier<Future<Boolean>> round) {
        this.vertx = vertx;
        this.interval = interval;
        this.afterFailure = afterFailure;
        this.round = round;
    }

    public Loop(Vertx vertx, Duration interval, Supplier<Future<Boolean>> round) {
        this(vertx, interval, interval, round);
    }

    /** Starts with a round at once, on the calling verticle's context. */
    public Loop startNow() {
        return start(true);
    }

    /** Starts with a wait of one interval. */
    public Loop startAfterInterval() {
        return start(false);
    }

    private Loop start(boolean now) {
        context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            running = true;
            if (now) {
                round();
            } else {
                pause(interval);
            }
        });
        return this;
    }

    /** Runs a round now rather than at the end of the wait; during a round, another follows it at once. */
    public void wake() {
        if (context == null) {
            return;
        }
        context.runOnContext(v -> {
            if (!running) {
                return;
            }
            if (inRound) {
                woken = true;
            } else {
                vertx.cancelTimer(timer);
                round();
            }
        });
    }

    /** Whether the loop goes on (false once stopping began). Read it on the loop's context. */
    public boolean running() {
        return running;
    }

    /** Starts no more rounds; completes when the round in hand has finished. */
    public Future<Void> stop() {
        if (context == null) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            if (stopped != null) { // stopped twice while a round was under way: both complete when it ends
                stopped.future().onComplete(done);
                return;
            }
            running = false;
            vertx.cancelTimer(timer);
            if (inRound) {
                stopped = done;
            } else {
                done.complete();
            }
        });
        return done.future();
    }

    private void round() {
        timer = -1;
        if (!running) {
            return;
        }
        inRound = true;
        woken = false;
        Future<Boolean> result;
        try {
            result = round.get();
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(ar -> context.runOnContext(v -> {
            inRound = false;
            if (!running) {
                if (stopped != null) {
                    stopped.complete();
                }
                return;
            }
            if (ar.failed()) {
                pause(afterFailure);
            } else if (Boolean.TRUE.equals(ar.result()) || woken) {
                context.runOnContext(again -> round());
            } else {
                pause(interval);
            }
        }));
    }

    private void pause(Duration length) {
        timer = vertx.setTimer(Math.max(1, length.toMillis()), id -> round());
    }
}
