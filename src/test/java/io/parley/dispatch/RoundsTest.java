package io.parley.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.parley.testing.ServiceHarness.get;
import static io.parley.testing.ServiceHarness.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A dispatcher's rounds: two under way at most, the next started as soon as one says there is more, or when woken. */
class RoundsTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        get(vertx.close());
    }

    /** Rounds whose ends (and whose "more") the test decides; counts the look aheads after the last round. */
    private static final class Rounding extends VerticleBase {
        final List<Promise<Void>> ends = new ArrayList<>();
        final List<Runnable> mores = new ArrayList<>();
        final AtomicInteger idle = new AtomicInteger();
        Rounds rounds;

        @Override
        public Future<?> start() {
            rounds = new Rounds(vertx, Dispatcher.DEPTH, LONG, more -> {
                Promise<Void> end = Promise.promise();
                synchronized (this) {
                    ends.add(end);
                    mores.add(more);
                }
                return end.future();
            }, idle::incrementAndGet).start();
            return Future.succeededFuture();
        }

        @Override
        public Future<?> stop() {
            synchronized (this) {
                ends.forEach(Promise::tryComplete);
            }
            return rounds.stop();
        }

        synchronized int started() {
            return ends.size();
        }

        void more(int round) {
            Runnable more;
            synchronized (this) {
                more = mores.get(round);
            }
            more.run();
        }

        void end(int round) {
            Promise<Void> end;
            synchronized (this) {
                end = ends.get(round);
            }
            vertx.runOnContext(v -> end.complete());
        }
    }

    private static void awaitStarted(Rounding r, int rounds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (r.started() < rounds && System.nanoTime() < deadline) {
            sleep(10);
        }
        sleep(100); // and no other follows
        assertEquals(rounds, r.started());
    }

    @Test
    void aFullClaimStartsTheNextRoundBeforeItsBatchIsWrittenTwoAtMost() {
        Rounding r = new Rounding();
        get(vertx.deployVerticle(r));
        awaitStarted(r, 1);
        r.more(0); // the first claim came back full: the next round claims while the first writes
        awaitStarted(r, 2);
        r.more(1);
        r.rounds.wake();
        awaitStarted(r, 2); // two under way at most
        r.end(0);
        awaitStarted(r, 3); // the round asked for starts once one ended
        assertEquals(0, r.idle.get(), "a round whose claim came back full does not look ahead");
        r.end(1);
        r.end(2);
        sleep(100);
        assertEquals(1, r.idle.get(), "the round that ended without more to do looked ahead");
        assertEquals(3, r.started(), "then it waits for the alarm or the poll");
    }

    @Test
    void theAlarmWakesARoundWhileTheOneBeforeIsStillWriting() {
        Rounding r = new Rounding();
        get(vertx.deployVerticle(r));
        awaitStarted(r, 1);
        r.rounds.wake();
        awaitStarted(r, 2);
        r.end(0);
        sleep(100);
        assertEquals(1, r.idle.get(), "a round ending with another under way looks ahead all the same");
        r.end(1);
        sleep(100);
        assertEquals(2, r.idle.get());
    }
}
