package io.parley.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The attempts one dispatcher has committed and handed to its channels whose provider call has not answered yet
 * (under way, or waiting for a worker), bounded: a batch is claimed only when places for its sends are reserved
 * under the bound, so the next batch is claimed and committed while the previous one's calls are still out. The bound
 * is also the most a crash can leave committed ahead of the provider calls: a dispatcher never queues more than that
 * many before its workers. Answers still being recorded no longer hold a place, but {@link #drained()} waits for
 * them too. Used on the dispatcher's own context only.
 */
final class InFlight {
    private final int bound;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private final Deque<Promise<Void>> idle = new ArrayDeque<>();
    private int count;
    private int reserved;
    private int unrecorded;

    private record Waiter(int least, int most, Promise<Integer> room) {
    }

    InFlight(int bound) {
        this.bound = bound;
    }

    /**
     * Reserves places for a batch about to be claimed: as many as are free up to {@code most}, once at least
     * {@code least} are (at once when nothing is under way or reserved). Every reservation is given back with
     * {@link #release(int)} once the batch's sends have {@link #started(int)}.
     */
    Future<Integer> reserve(int least, int most) {
        if (waiting.isEmpty() && fits(least)) {
            return Future.succeededFuture(take(least, most));
        }
        Promise<Integer> room = Promise.promise();
        waiting.add(new Waiter(least, most, room));
        return room.future();
    }

    /** Gives back places reserved by {@link #reserve(int, int)}. */
    void release(int places) {
        reserved -= places;
        serve();
    }

    /** How many more calls fit under the bound now. */
    int free() {
        return Math.max(0, bound - count - reserved);
    }

    void started(int calls) {
        count += calls;
        unrecorded += calls;
    }

    /** One call is over: the provider answered (or the call failed); its answer is still to be recorded. */
    void answered() {
        count--;
        serve();
    }

    private boolean fits(int least) {
        return count + reserved == 0 || count + reserved + least <= bound;
    }

    private int take(int least, int most) {
        int places = Math.max(least, Math.min(most, bound - count - reserved));
        reserved += places;
        return places;
    }

    private void serve() {
        while (!waiting.isEmpty() && fits(waiting.peek().least())) {
            Waiter w = waiting.poll();
            w.room().complete(take(w.least(), w.most()));
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
