package io.parley.dispatch;

import io.parley.enrollment.Sequences;
import io.parley.sequence.SequenceDefinition;
import io.parley.store.DueSteps;
import io.parley.store.Promises;
import io.parley.store.Rows;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Watches promises to pay as they fall due. A payment since the promise: kept. None: broken, and every enrollment of
 * the case paused for the promise goes on at its sequence's broken-promise step (or where it stood), at once.
 */
public final class PromiseWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(PromiseWatcher.class);
    private static final long EVERY_MS = 5_000;
    private static final String PAUSED_FOR_PROMISE = """
            SELECT id, sequence_name, sequence_version FROM enrollment
            WHERE case_id = $1 AND status = 'paused' AND status_reason = 'case event promise_to_pay'""";
    private static final String RESUME = """
            UPDATE enrollment SET status = 'active', status_reason = 'promise to pay broken', updated_at = $2
            WHERE id = $1""";
    private static final String BRANCH = """
            UPDATE due_step SET runnable = true, run_no = run_no + 1, step_id = $2, phase = 'run',
                   attempt_id = NULL, due_at = $3, lease_owner = NULL, lease_until = NULL
            WHERE enrollment_id = $1""";
    // no branch: the enrollment goes on where it stood (a step waiting for an outcome keeps waiting)
    private static final String GO_ON = "UPDATE due_step SET runnable = true WHERE enrollment_id = $1";
    private static final String OTHER_OPEN =
            "SELECT 1 FROM promise WHERE case_id = $1 AND status = 'open' AND id <> $2 LIMIT 1";

    private final Vertx vertx;
    private final Pool pool;
    private final Sequences sequences;
    private final Clock clock;
    private long timer = -1;

    public PromiseWatcher(Vertx vertx, Pool pool, Sequences sequences, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
        this.sequences = sequences;
        this.clock = clock;
    }

    public void start() {
        timer = vertx.setPeriodic(EVERY_MS, id -> check().onFailure(e -> LOG.warn("Checking promises failed", e)));
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Settles the promises due now; completes with how many. */
    public Future<Integer> check() {
        return Transactions.run(pool, conn -> {
            Instant now = clock.instant();
            List<TimelineEntry> timeline = new ArrayList<>();
            return Promises.due(conn, now, 100).compose(due -> {
                Future<Void> chain = Future.succeededFuture();
                for (Promises.Due promise : due) {
                    chain = chain.compose(v -> settle(conn, promise, now, timeline));
                }
                return chain.compose(v -> Timeline.append(conn, timeline)).map(due.size());
            });
        });
    }

    private Future<Void> settle(SqlConnection conn, Promises.Due promise, Instant now, List<TimelineEntry> timeline) {
        return DueSteps.lockForCase(conn, promise.caseId())
                .compose(v -> Promises.paidSince(conn, promise.caseId(), promise.madeAt()))
                .compose(paid -> {
                    if (paid) {
                        timeline.add(new TimelineEntry(promise.caseId(), null, now, "promise.kept",
                                new JsonObject().put("promiseId", promise.id().toString())));
                        return Promises.settle(conn, promise.id(), Promises.KEPT, now);
                    }
                    timeline.add(new TimelineEntry(promise.caseId(), null, now, "promise.broken",
                            new JsonObject().put("promiseId", promise.id().toString())));
                    return Promises.settle(conn, promise.id(), Promises.BROKEN, now)
                            .compose(v -> conn.preparedQuery(OTHER_OPEN).execute(Tuple.of(promise.caseId(), promise.id())))
                            .compose(other -> other.size() > 0 ? Future.succeededFuture()
                                    // a later promise still stands: the case stays paused for it
                                    : conn.preparedQuery(PAUSED_FOR_PROMISE).execute(Tuple.of(promise.caseId()))
                            .compose(rows -> {
                                Future<Void> chain = Future.succeededFuture();
                                for (Row r : rows) {
                                    chain = chain.compose(v -> resume(conn, promise.caseId(), r, now, timeline));
                                }
                                return chain;
                            }));
                });
    }

    private Future<Void> resume(SqlConnection conn, String caseId, Row enrollment, Instant now,
                                List<TimelineEntry> timeline) {
        UUID id = enrollment.getUUID("id");
        SequenceDefinition def = sequences.definition(enrollment.getString("sequence_name"),
                enrollment.getInteger("sequence_version"));
        String branch = def.onBrokenPromise();
        timeline.add(new TimelineEntry(caseId, id, now, "enrollment.resumed", new JsonObject()
                .put("reason", "promise to pay broken").put("stepId", branch)));
        return conn.preparedQuery(RESUME).execute(Tuple.of(id, Rows.ts(now)))
                .compose(v -> branch == null ? conn.preparedQuery(GO_ON).execute(Tuple.of(id))
                        : conn.preparedQuery(BRANCH).execute(Tuple.of(id, branch, Rows.ts(now))))
                .mapEmpty();
    }
}
