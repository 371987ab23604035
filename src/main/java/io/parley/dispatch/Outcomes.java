package io.parley.dispatch;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.observability.Metrics;
import io.parley.sequence.EnrollmentClock;
import io.parley.sequence.SequenceEngine;
import io.parley.store.Attempts;
import io.parley.store.Rows;
import io.parley.store.StatusChange;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records what providers say about attempts (send results, status callbacks), forward only, in the timeline, and
 * moves the waiting enrollment on when an attempt's outcome is final.
 */
public final class Outcomes {
    private static final String AWAITING = """
            SELECT ds.enrollment_id, ds.step_id, ds.retry, ds.attempt_id, e.case_id, e.sequence_name,
                   e.sequence_version, e.started_at, e.time_zone, e.account
            FROM due_step ds JOIN enrollment e ON e.id = ds.enrollment_id
            WHERE ds.enrollment_id = ANY($1) AND ds.phase = 'await' AND e.status IN ('active', 'paused')
            FOR UPDATE OF ds""";

    private final Pool pool;
    private final Sequences sequences;
    private final SequenceEngine engine;
    private final Metrics metrics;
    private final Clock clock;

    public Outcomes(Pool pool, Sequences sequences, SequenceEngine engine, Metrics metrics, Clock clock) {
        this.pool = pool;
        this.sequences = sequences;
        this.engine = engine;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Moves attempts forward to the statuses given (tuples made with Attempts.change) and settles the enrollments
     * whose attempt reached a final outcome; returns the changes that took effect (duplicates and stale updates
     * change nothing).
     */
    public Future<List<StatusChange>> record(List<Tuple> changes) {
        Instant now = clock.instant();
        return pool.withTransaction(conn -> Attempts.advance(conn, changes, now)
                .compose(applied -> noteAndSettle(conn, applied, now).map(applied)));
    }

    /** Attempts whose provider gave no clear answer: counted as made, never resent; their outcome is unknown. */
    public Future<List<StatusChange>> unknown(List<UUID> attemptIds, String why) {
        Instant now = clock.instant();
        return pool.withTransaction(conn -> Attempts.markUnknown(conn, attemptIds, now, why)
                .compose(applied -> noteAndSettle(conn, applied, now).map(applied)));
    }

    Future<Void> noteAndSettle(SqlClient sql, List<StatusChange> applied, Instant now) {
        List<TimelineEntry> notes = new ArrayList<>();
        List<Settlement> settled = new ArrayList<>();
        for (StatusChange c : applied) {
            metrics.attemptStatus(c.channel().wire(), c.status().wire());
            notes.add(new TimelineEntry(c.caseId(), c.enrollmentId(), now,
                    c.status() == AttemptStatus.UNKNOWN ? "attempt.unknown" : "attempt.status",
                    new JsonObject().put("attemptId", c.attemptId().toString()).put("channel", c.channel().wire())
                            .put("status", c.status().wire()).put("providerRef", c.providerRef())
                            .put("errorCode", c.errorCode()).put("error", c.errorMessage())));
            c.status().settledOutcome(c.channel())
                    .ifPresent(o -> settled.add(new Settlement(c.enrollmentId(), c.attemptId(), o)));
        }
        return Timeline.append(sql, notes).compose(v -> settle(sql, settled, now));
    }

    /** Moves on the enrollments still waiting for exactly these attempts; any other (stale) settlement is ignored. */
    Future<Void> settle(SqlClient sql, List<Settlement> settlements, Instant now) {
        if (settlements.isEmpty()) {
            return Future.succeededFuture();
        }
        Map<UUID, Settlement> byEnrollment = settlements.stream()
                .collect(Collectors.toMap(Settlement::enrollmentId, Function.identity(), (a, b) -> b));
        return sql.preparedQuery(AWAITING).execute(Tuple.of(byEnrollment.keySet().toArray(UUID[]::new)))
                .compose(rows -> {
                    Progression progression = new Progression(sequences, engine);
                    for (Row r : rows) {
                        Settlement s = byEnrollment.get(r.getUUID("enrollment_id"));
                        if (s.attemptId().equals(r.getUUID("attempt_id"))) {
                            progression.settled(ref(r), r.getString("step_id"), s.outcome(), r.getInteger("retry"), now);
                        }
                    }
                    return progression.write(sql, now);
                });
    }

    private static EnrollmentRef ref(Row r) {
        String due = r.getJsonObject("account").getString("dueDate");
        return new EnrollmentRef(r.getUUID("enrollment_id"), r.getString("case_id"), r.getString("sequence_name"),
                r.getInteger("sequence_version"), new EnrollmentClock(Rows.instant(r.getOffsetDateTime("started_at")),
                due == null ? null : LocalDate.parse(due), ZoneId.of(r.getString("time_zone"))));
    }

    static Settlement unknownOutcome(UUID enrollmentId, UUID attemptId) {
        return new Settlement(enrollmentId, attemptId, AttemptOutcome.UNKNOWN);
    }
}
