package io.parley.lifecycle;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static io.parley.testing.ServiceHarness.get;
import static io.parley.testing.ServiceHarness.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop helper in a real verticle: rounds, waits, wake-ups, failures and stopping. */
class LoopTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        get(vertx.close());
    }

    /** A verticle whose only work is the loop given, started at once. */
    private static final class Looping extends VerticleBase {
        private final Duration interval;
        private final Duration afterFailure;
        private final Function<Integer, Future<Boolean>> round;
        private final AtomicInteger rounds = new AtomicInteger();
        private Loop loop;

        Looping(Duration interval, Duration afterFailure, Function<Integer, Future<Boolean>> round) {
            this.interval = interval;
            this.afterFailure = afterFailure;
            this.round = round;
        }

        @Override
        public Future<?> start() {
            loop = new Loop(vertx, interval, afterFailure, () -> round.apply(rounds.incrementAndGet())).startNow();
            return Future.succeededFuture();
        }

        @Override
        public Future<?> stop() {
            return loop.stop();
        }
    }

    private String deploy(Looping verticle) {
        return get(vertx.deployVerticle(verticle));
    }

    /** Waits (up to 10 s) until the verticle has run this many rounds, then a little more to see no other follows. */
    private static void awaitRounds(Looping verticle, int rounds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (verticle.rounds.get() < rounds && System.nanoTime() < deadline) {
            sleep(20);
        }
        sleep(150);
        assertEquals(rounds, verticle.rounds.get());
    }

    @Test
    void aRoundThatFoundMoreIsFollowedAtOnceOtherwiseTheLoopWaits() {
        // three full rounds, then nothing more: the fourth round comes at once, the fifth only after the interval
        Looping verticle = new Looping(LONG, LONG, n -> Future.succeededFuture(n < 4));
        deploy(verticle);
        awaitRounds(verticle, 4);
    }

    @Test
    void wakingRunsARoundBeforeTheIntervalEnds() {
        Looping verticle = new Looping(LONG, LONG, n -> Future.succeededFuture(false));
        deploy(verticle);
        awaitRounds(verticle, 1);
        verticle.loop.wake();
        awaitRounds(verticle, 2);
    }

    @Test
    void aWakeDuringARoundBringsAnotherRightAfterIt() {
        List<Promise<Boolean>> pending = new ArrayList<>();
        Looping verticle = new Looping(LONG, LONG, n -> {
            Promise<Boolean> p = Promise.promise();
            synchronized (pending) {
                pending.add(p);
            }
            return p.future();
        });
        deploy(verticle);
        awaitRounds(verticle, 1);
        verticle.loop.wake();
        awaitRounds(verticle, 1); // rounds never overlap
        synchronized (pending) {
            pending.get(0).complete(false);
        }
        awaitRounds(verticle, 2);
        synchronized (pending) {
            pending.get(1).complete(false); // lets the loop stop
        }
    }

    @Test
    void aFailedRoundIsFollowedAfterTheFailurePause() {
        Looping verticle = new Looping(LONG, Duration.ofMillis(100), n -> n == 1
                ? Future.failedFuture(new IllegalStateException("first round fails")) : Future.succeededFuture(false));
        deploy(verticle);
        awaitRounds(verticle, 2);
    }

    @Test
    void undeployingWaitsForTheRoundInHandAndStartsNoOther() {
        AtomicReference<Promise<Boolean>> inHand = new AtomicReference<>();
        Looping verticle = new Looping(Duration.ofMillis(10), Duration.ofMillis(10), n -> {
            Promise<Boolean> p = Promise.promise();
            inHand.set(p);
            return p.future();
        });
        String id = deploy(verticle);
        awaitRounds(verticle, 1);
        AtomicBoolean undeployed = new AtomicBoolean();
        vertx.undeploy(id).onSuccess(v -> undeployed.set(true));
        sleep(200);
        assertFalse(undeployed.get(), "the round in hand is not finished");
        inHand.get().complete(true);
        sleep(200);
        assertTrue(undeployed.get());
        assertEquals(1, verticle.rounds.get(), "no round after stopping, even one that found more");
    }
}
