package io.parley.dispatch;

import io.parley.domain.CaseEventType;
import io.parley.lifecycle.Loop;
import io.parley.enrollment.Sequences;
import io.parley.sequence.SequenceDefinition;
import io.parley.store.DueSteps;
import io.parley.store.EnrollmentStatus;
import io.parley.store.Enrollments;
import io.parley.store.Locks;
import io.parley.store.Promises;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches promises to pay as they fall due. A payment since the promise: kept. None: broken, and every enrollment of
 * the case paused for the promise goes on at its sequence's broken-promise step (or where it stood), at once.
 */
public final class PromiseWatcher extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(PromiseWatcher.class);
    private static final Duration EVERY = Duration.ofSeconds(5);
    private static final int BATCH = 100;
    private static final String BROKEN = "promise to pay broken";

    private final Pool pool;
    private final Sequences sequences;
    private final Clock clock;
    private Loop loop;

    public PromiseWatcher(Pool pool, Sequences sequences, Clock clock) {
        this.pool = pool;
        this.sequences = sequences;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        loop = new Loop(vertx, EVERY, () -> check()
                .onFailure(e -> LOG.warn("Checking promises failed", e))
                .map(settled -> settled == BATCH)).startAfterInterval();
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return loop.stop();
    }

    /** Settles the promises due now; completes with how many. */
    public Future<Integer> check() {
        return Transactions.run(pool, conn -> {
            Instant now = clock.instant();
            List<TimelineEntry> timeline = new ArrayList<>();
            return Promises.due(conn, now, BATCH).compose(due -> {
                Future<Void> chain = Future.succeededFuture();
                for (Promises.Due promise : due) {
                    chain = chain.compose(v -> settle(conn, promise, now, timeline));
                }
                return chain.compose(v -> Timeline.append(conn, timeline)).map(due.size());
            });
        });
    }

    private Future<Void> settle(SqlConnection conn, Promises.Due promise, Instant now, List<TimelineEntry> timeline) {
        return Locks.queueOfCase(conn, promise.caseId())
                .compose(v -> Promises.paidSince(conn, promise.caseId(), promise.madeAt()))
                .compose(paid -> {
                    if (paid) {
                        timeline.add(new TimelineEntry(promise.caseId(), null, now, TimelineKinds.PROMISE_KEPT,
                                new JsonObject().put("promiseId", promise.id().toString())));
                        return Promises.settle(conn, promise.id(), Promises.KEPT, now);
                    }
                    timeline.add(new TimelineEntry(promise.caseId(), null, now, TimelineKinds.PROMISE_BROKEN,
                            new JsonObject().put("promiseId", promise.id().toString())));
                    return Promises.settle(conn, promise.id(), Promises.BROKEN, now)
                            .compose(v -> Promises.otherOpen(conn, promise.caseId(), promise.id()))
                            .compose(other -> other ? Future.succeededFuture()
                                    // a later promise still stands: the case stays paused for it
                                    : Enrollments.pausedFor(conn, promise.caseId(), CaseEventType.PROMISE_TO_PAY)
                            .compose(paused -> {
                                Future<Void> chain = Future.succeededFuture();
                                for (Enrollments.Open e : paused) {
                                    chain = chain.compose(v -> resume(conn, promise.caseId(), e, now, timeline));
                                }
                                return chain;
                            }));
                });
    }

    /**
     * Resumes the enrollment: at its broken-promise step if its sequence (its experiment arm, when the arm has steps
     * of its own) has one, otherwise where it stood.
     */
    private Future<Void> resume(SqlConnection conn, String caseId, Enrollments.Open enrollment, Instant now,
                                List<TimelineEntry> timeline) {
        SequenceDefinition def = sequences.definition(enrollment.sequenceName(), enrollment.sequenceVersion());
        String branch = def.arm(enrollment.variant()).onBrokenPromise();
        timeline.add(new TimelineEntry(caseId, enrollment.id(), now, TimelineKinds.ENROLLMENT_RESUMED, new JsonObject()
                .put("reason", BROKEN).put("stepId", branch)));
        return Enrollments.transition(conn, enrollment.id(), EnrollmentStatus.ACTIVE, BROKEN,
                        List.of(EnrollmentStatus.PAUSED), now)
                .compose(v -> branch == null ? Future.succeededFuture()
                        : DueSteps.moveOn(conn, List.of(new DueSteps.MoveOn(enrollment.id(), branch, 0, now))));
    }
}
