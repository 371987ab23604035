package io.parley.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The attempts one dispatcher has committed and handed to its channels whose provider call has not answered yet
 * (under way, or waiting for a worker), bounded: a batch is claimed only when its sends fit under the bound, so the
 * next batch is claimed and committed while the previous one's calls are still out. The bound is also the most a
 * crash can leave committed ahead of the provider calls: a dispatcher never queues more than that many before its
 * workers. Answers still being recorded no longer hold a place, but {@link #drained()} waits for them too. Used on
 * the dispatcher's own context only.
 */
final class InFlight {
    private final int bound;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private final Deque<Promise<Void>> idle = new ArrayDeque<>();
    private int count;
    private int unrecorded;

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

    /** How many more calls fit under the bound now. */
    int free() {
        return Math.max(0, bound - count);
    }

    void started(int calls) {
        count += calls;
        unrecorded += calls;
    }

    /** One call is over: the provider answered (or the call failed); its answer is still to be recorded. */
    void answered() {
        count--;
        while (!waiting.isEmpty() && (count == 0 || count + waiting.peek().needed() <= bound)) {
            waiting.poll().room().complete();
        }
    }

    /** One answer is recorded (or recording it failed). */
    void recorded() {
        unrecorded--;
        if (unrecorded == 0) {
            while (!idle.isEmpty()) {
                idle.poll().complete();
            }
        }
    }

    int count() {
        return count;
    }

    /** Completes when no call is under way and every answer is recorded. */
    Future<Void> drained() {
        if (unrecorded == 0) {
            return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        idle.add(done);
        return done.future();
    }
}
