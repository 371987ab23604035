package io.parley.dispatch;

import io.parley.store.DueSoon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One timer per process, armed for the earliest due instant known to be coming (found by a dispatcher's look
 * ahead, or told by a committed enrolment): an earlier instant re-arms it, a later one leaves it be. When it fires, it
 * wakes one dispatcher (in turn), whose claim starts at the due instant instead of at the next poll. Safe from any
 * thread.
 */
public final class DueAlarm implements DueSoon {
    /** Sets a one-shot timer firing after the given milliseconds (at least one), returning its id; cancels one. */
    interface Timers {
        long set(long delayMillis, Runnable fire);

        void cancel(long id);
    }

    private final Clock clock;
    private final List<Runnable> wakers = new ArrayList<>();
    private Timers timers;
    private int turn;
    private Instant armedFor;
    private long timer = -1;
    private long fired;

    public DueAlarm(Clock clock) {
        this.clock = clock;
    }

    /** Adds a dispatcher to those it wakes in turn; until the first joins (and once the last left) it arms nothing. */
    synchronized void join(Timers timers, Runnable wake) {
        this.timers = timers;
        wakers.add(wake);
    }

    /** Takes a dispatcher out of those it wakes. */
    synchronized void leave(Runnable wake) {
        wakers.remove(wake);
        if (wakers.isEmpty()) {
            if (timer != -1) {
                timers.cancel(timer);
            }
            timer = -1;
            armedFor = null;
            timers = null;
        }
    }

    @Override
    public void dueAt(Instant at) {
        arm(at);
    }

    /** Arms the timer for {@code at} unless it is armed already for that instant or an earlier one. */
    synchronized boolean arm(Instant at) {
        if (timers == null || armedFor != null && !at.isBefore(armedFor)) {
            return false;
        }
        if (timer != -1) {
            timers.cancel(timer);
        }
        armedFor = at;
        long nanos = Duration.between(clock.instant(), at).toNanos();
        // rounded up, so that the claim made when it fires finds the step due
        long delay = Math.max(1, (nanos + 999_999) / 1_000_000);
        long[] id = new long[1];
        id[0] = timers.set(delay, () -> fire(id[0]));
        timer = id[0];
        return true;
    }

    private void fire(long id) {
        Runnable toWake;
        synchronized (this) {
            if (id != timer) {
                return; // cancelled meanwhile
            }
            timer = -1;
            armedFor = null;
            fired++;
            toWake = wakers.get(turn++ % wakers.size());
        }
        toWake.run();
    }

    /** The instant the timer is armed for, if it is. */
    synchronized Optional<Instant> armedFor() {
        return Optional.ofNullable(armedFor);
    }

    /** How many times it has fired. */
    synchronized long fired() {
        return fired;
    }

    /** Vert.x timers. */
    static Timers timers(io.vertx.core.Vertx vertx) {
        return new Timers() {
            @Override
            public long set(long delayMillis, Runnable fire) {
                return vertx.setTimer(delayMillis, id -> fire.run());
            }

            @Override
            public void cancel(long id) {
                vertx.cancelTimer(id);
            }
        };
    }
}
