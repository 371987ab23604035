package io.parley.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The provider calls one dispatcher has under way (sent, or answered but not yet recorded), bounded: a batch is
 * claimed only when its sends fit under the bound, so the next batch is claimed and committed while the previous
 * one's calls are still out. Used on the dispatcher's own context only.
 */
final class InFlight {
    private final int bound;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private final Deque<Promise<Void>> idle = new ArrayDeque<>();
    private int count;

    private record Waiter(int needed, Promise<Void> room) {
    }

    InFlight(int bound) {
        this.bound = bound;
    }

    /** Completes once {@code needed} more calls fit under the bound (at once when nothing is under way). */
    Future<Void> room(int needed) {
        if (count == 0 || count + needed <= bound) {
            return Future.succeededFuture();
        }
        Promise<Void> room = Promise.promise();
        waiting.add(new Waiter(needed, room));
        return room.future();
    }

    void started(int calls) {
        count += calls;
    }

    /** One call is over: its answer is recorded (or recording it failed). */
    void finished() {
        count--;
        while (!waiting.isEmpty() && (count == 0 || count + waiting.peek().needed() <= bound)) {
            waiting.poll().room().complete();
        }
        if (count == 0) {
            while (!idle.isEmpty()) {
                idle.poll().complete();
            }
        }
    }

    int count() {
        return count;
    }

    /** Completes when no call is under way. */
    Future<Void> drained() {
        if (count == 0) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        idle.add(done);
        return done.future();
    }
}
