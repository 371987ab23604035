package io.parley.simulator.twilio;

import io.vertx.core.Future;
import io.vertx.core.Timer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Vert.x timers the simulator has pending, so that closing it stops every lifecycle still under way. */
final class Schedule {
    private final Vertx vertx;
    private final Set<Timer> pending = ConcurrentHashMap.newKeySet();

    Schedule(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Completes after the delay, without holding a thread; a zero delay completes at once. */
    Future<Void> after(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return Future.succeededFuture();
        }
        Timer timer = vertx.timer(delay.toMillis());
        pending.add(timer);
        return timer.andThen(done -> pending.remove(timer));
    }

    void cancelAll() {
        pending.forEach(Timer::cancel);
        pending.clear();
    }
}
