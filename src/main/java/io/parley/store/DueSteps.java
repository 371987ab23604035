package io.parley.store;

import io.parley.domain.Channel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.parley.store.Unnest.col;

/**
 * The due-step queue. Any number of instances claim batches with FOR UPDATE SKIP LOCKED and a lease; a lease that
 * expires (its instance crashed) makes the step claimable again. Every write after a claim checks the lease is
 * still ours.
 */
public final class DueSteps {
    public static final String PHASE_RUN = "run";
    public static final String PHASE_AWAIT = "await";

    private static final String CLAIM = """
            WITH claimed AS (
              UPDATE due_step d SET lease_owner = $1, lease_until = $3
              FROM (SELECT enrollment_id FROM due_step
                    WHERE runnable AND due_at <= $2 AND (lease_until IS NULL OR lease_until < $2)
                    ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED) c
              WHERE d.enrollment_id = c.enrollment_id
              RETURNING d.*)
            SELECT c.enrollment_id, c.run_no, c.step_id, c.retry, c.phase, c.attempt_id, c.due_at,
                   e.case_id, e.sequence_name, e.sequence_version, e.started_at, e.time_zone, e.account,
                   e.variables, e.replied, e.promised, e.policy_packs,
                   ARRAY(SELECT h.kind FROM case_hold h WHERE h.case_id = e.case_id) AS holds,
                   d.id AS debtor_id, d.name, d.locale, d.time_zone AS debtor_zone, d.address, d.preferences,
                   ARRAY(SELECT DISTINCT a.channel FROM attempt a WHERE a.enrollment_id = c.enrollment_id
                         AND a.outcome = 'delivered') AS delivered_on,
                   COALESCE((SELECT jsonb_agg(jsonb_build_object('id', cp.id, 'channel', cp.channel,
                             'address', cp.address, 'type', cp.type, 'consent', cp.consent, 'status', cp.status)
                             ORDER BY cp.id) FROM contact_point cp WHERE cp.debtor_id = d.id), '[]'::jsonb) AS contacts
            FROM claimed c JOIN enrollment e ON e.id = c.enrollment_id JOIN debtor d ON d.id = e.debtor_id
            """;
    private static final String DEFER = "UPDATE due_step SET due_at = $2, held_by = $3, lease_owner = NULL, "
            + "lease_until = NULL WHERE enrollment_id = $1";
    private static final String DEFER_ALL = """
            UPDATE due_step d SET due_at = u.due_at, held_by = u.held_by, lease_owner = NULL, lease_until = NULL
            FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS u(id, due_at, held_by)
            WHERE d.enrollment_id = u.id""";
    private static final String AWAIT = "UPDATE due_step SET phase = 'await', attempt_id = $2, due_at = $3, "
            + "held_by = NULL, lease_owner = NULL, lease_until = NULL WHERE enrollment_id = $1";
    private static final String AWAIT_ALL = """
            UPDATE due_step d SET phase = 'await', attempt_id = u.attempt_id, due_at = u.due_at, held_by = NULL,
                   lease_owner = NULL, lease_until = NULL
            FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS u(id, attempt_id, due_at)
            WHERE d.enrollment_id = u.id""";
    private static final String MOVE_ON = "UPDATE due_step SET run_no = run_no + 1, step_id = $2, retry = $3, "
            + "phase = 'run', attempt_id = NULL, due_at = $4, held_by = NULL, lease_owner = NULL, lease_until = NULL "
            + "WHERE enrollment_id = $1";
    private static final String MOVE_ON_ALL = """
            UPDATE due_step d SET run_no = d.run_no + 1, step_id = u.step_id, retry = u.retry, phase = 'run',
                   attempt_id = NULL, due_at = u.due_at, held_by = NULL, lease_owner = NULL, lease_until = NULL
            FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[]) AS u(id, step_id, retry, due_at)
            WHERE d.enrollment_id = u.id""";
    static final String INSERT = "INSERT INTO due_step (enrollment_id, run_no, step_id, retry, phase, due_at) "
            + "VALUES ($1, 1, $2, 0, 'run', $3)";
    private static final String DELETE = "DELETE FROM due_step WHERE enrollment_id = ANY($1)";
    private static final String AWAITING = """
            SELECT ds.enrollment_id, ds.step_id, ds.retry, ds.attempt_id, e.case_id, e.sequence_name,
                   e.sequence_version, e.started_at, e.time_zone, e.account
            FROM due_step ds JOIN enrollment e ON e.id = ds.enrollment_id
            WHERE ds.enrollment_id = ANY($1) AND ds.phase = $2 AND e.status = ANY($3)
            FOR UPDATE OF ds""";
    private static final String NEXT_DUE = "SELECT min(due_at) FROM due_step WHERE runnable AND due_at > $1 "
            + "AND due_at <= $2";
    private static final String PENDING = "SELECT count(*) FROM due_step WHERE runnable AND due_at <= $1 "
            + "AND (lease_until IS NULL OR lease_until < $1)";

    private static final String RELEASE_HELD = """
            UPDATE due_step d SET due_at = LEAST(d.due_at, $3), held_by = NULL
            FROM enrollment e WHERE e.id = d.enrollment_id AND e.case_id = $1 AND d.held_by = $2""";

    private static final String SET_ASIDE = "UPDATE due_step SET lease_owner = $2, lease_until = $4 "
            + "WHERE enrollment_id = ANY($1) AND (lease_until IS NULL OR lease_until < $3)";

    private DueSteps() {
    }

    /**
     * Leases steps whose batch could not commit, in a statement of its own (the batch's claim was rolled back with
     * it): nobody claims them again before {@code until}, and the other due steps go meanwhile. Their rows are not
     * otherwise changed, so after the lease they are claimed as usual. Steps leased meanwhile are left alone.
     */
    public static Future<Integer> setAside(SqlClient sql, List<UUID> enrollmentIds, String owner, Instant now,
                                           Instant until) {
        return sql.preparedQuery(SET_ASIDE).execute(Tuple.of(enrollmentIds.toArray(UUID[]::new), owner, Rows.ts(now),
                Rows.ts(until))).map(SqlResult::rowCount);
    }

    public static Future<List<ClaimedStep>> claim(SqlClient sql, String owner, Instant now, Duration lease, int limit) {
        return sql.preparedQuery(CLAIM)
                .execute(Tuple.of(owner, Rows.ts(now), Rows.ts(now.plus(lease)), limit))
                .map(rows -> {
                    List<ClaimedStep> out = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        out.add(toClaimed(r));
                    }
                    return out;
                });
    }

    private static ClaimedStep toClaimed(Row r) {
        List<StoredContactPoint> contacts = Rows.contacts(asArray(r.getValue("contacts")));
        return new ClaimedStep(r.getUUID("enrollment_id"), r.getInteger("run_no"), r.getString("step_id"),
                r.getInteger("retry"), r.getString("phase"), r.getUUID("attempt_id"),
                Rows.instant(r.getOffsetDateTime("due_at")), r.getString("case_id"), r.getString("sequence_name"),
                r.getInteger("sequence_version"), Rows.instant(r.getOffsetDateTime("started_at")),
                ZoneId.of(r.getString("time_zone")), Rows.account(r.getJsonObject("account")),
                r.getJsonObject("variables"), r.getBoolean("replied"), r.getBoolean("promised"),
                Rows.debtor(r.getString("debtor_id"), r.getString("name"), r.getString("locale"),
                        r.getString("debtor_zone"), r.getJsonObject("address"), contacts),
                contacts, Arrays.stream(r.getArrayOfStrings("delivered_on")).map(Channel::parse)
                .collect(Collectors.toUnmodifiableSet()), List.of(r.getArrayOfStrings("policy_packs")),
                Rows.preferences(r.getJsonObject("preferences")), Set.of(r.getArrayOfStrings("holds")));
    }

    private static JsonArray asArray(Object value) {
        return value instanceof JsonArray a ? a : new JsonArray(String.valueOf(value));
    }

    /**
     * A step that runs later: the enrollment's queue row becomes due then, and its lease is let go. A step kept
     * waiting by a case hold names it ({@code heldBy}; null otherwise), so that lifting the hold brings it forward.
     */
    public record Defer(UUID enrollmentId, Instant until, String heldBy) {
        public Defer(UUID enrollmentId, Instant until) {
            this(enrollmentId, until, null);
        }
    }

    public static Future<Void> defer(SqlClient sql, List<Defer> steps) {
        if (steps.size() > 1 && Unnest.distinct(steps, Defer::enrollmentId)) {
            return sql.preparedQuery(DEFER_ALL).execute(Unnest.arrays(steps, col(UUID.class, Defer::enrollmentId),
                    col(OffsetDateTime.class, d -> Rows.ts(d.until())), col(String.class, Defer::heldBy))).mapEmpty();
        }
        return batch(sql, DEFER, steps.stream()
                .map(d -> Tuple.of(d.enrollmentId(), Rows.ts(d.until()), d.heldBy())).toList());
    }

    /** The case's steps kept waiting by this hold become due now (unless due sooner); how many there were. */
    public static Future<Integer> releaseHeld(SqlClient sql, String caseId, String hold, Instant now) {
        return sql.preparedQuery(RELEASE_HELD).execute(Tuple.of(caseId, hold, Rows.ts(now))).map(SqlResult::rowCount);
    }

    /** A step whose attempt is committed: the enrollment waits for its outcome until then at the latest. */
    public record Await(UUID enrollmentId, UUID attemptId, Instant until) {
    }

    public static Future<Void> await(SqlClient sql, List<Await> steps) {
        if (steps.size() > 1 && Unnest.distinct(steps, Await::enrollmentId)) {
            return sql.preparedQuery(AWAIT_ALL).execute(Unnest.arrays(steps, col(UUID.class, Await::enrollmentId),
                    col(UUID.class, Await::attemptId), col(OffsetDateTime.class, a -> Rows.ts(a.until())))).mapEmpty();
        }
        return batch(sql, AWAIT, steps.stream()
                .map(a -> Tuple.of(a.enrollmentId(), a.attemptId(), Rows.ts(a.until()))).toList());
    }

    /** An enrollment's next step run: this step, with this many retries behind it, due then. */
    public record MoveOn(UUID enrollmentId, String stepId, int retry, Instant dueAt) {
    }

    /** Moves each enrollment on to its next step run, leaving the lease and any awaited attempt behind. */
    public static Future<Void> moveOn(SqlClient sql, List<MoveOn> runs) {
        if (runs.size() > 1 && Unnest.distinct(runs, MoveOn::enrollmentId)) {
            return sql.preparedQuery(MOVE_ON_ALL).execute(Unnest.arrays(runs, col(UUID.class, MoveOn::enrollmentId),
                    col(String.class, MoveOn::stepId), col(Integer.class, MoveOn::retry),
                    col(OffsetDateTime.class, r -> Rows.ts(r.dueAt())))).mapEmpty();
        }
        return batch(sql, MOVE_ON, runs.stream()
                .map(r -> Tuple.of(r.enrollmentId(), r.stepId(), r.retry(), Rows.ts(r.dueAt()))).toList());
    }

    public static Future<Void> insertFirst(SqlClient sql, UUID enrollmentId, String stepId, Instant dueAt) {
        return sql.preparedQuery(INSERT).execute(Tuple.of(enrollmentId, stepId, Rows.ts(dueAt))).mapEmpty();
    }

    public static Future<Void> delete(SqlClient sql, List<UUID> enrollmentIds) {
        if (enrollmentIds.isEmpty()) {
            return Future.succeededFuture();
        }
        return sql.preparedQuery(DELETE).execute(Tuple.of(enrollmentIds.toArray(UUID[]::new))).mapEmpty();
    }

    /**
     * An enrollment waiting for the outcome of an attempt, with what its sequence needs to go on: the step, its
     * retries so far, and the enrollment's clock (start, account due date, zone).
     */
    public record Awaiting(UUID enrollmentId, String stepId, int retry, UUID attemptId, String caseId,
                           String sequenceName, int sequenceVersion, Instant startedAt, LocalDate dueDate,
                           ZoneId zone) {
    }

    /** Those of these open enrollments that wait for an outcome, their queue rows locked. */
    public static Future<List<Awaiting>> awaiting(SqlClient sql, Collection<UUID> enrollmentIds) {
        return sql.preparedQuery(AWAITING).execute(Tuple.of(enrollmentIds.toArray(UUID[]::new), PHASE_AWAIT,
                EnrollmentStatus.wires(EnrollmentStatus.OPEN))).map(rows -> {
                    List<Awaiting> out = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        out.add(new Awaiting(r.getUUID("enrollment_id"), r.getString("step_id"), r.getInteger("retry"),
                                r.getUUID("attempt_id"), r.getString("case_id"), r.getString("sequence_name"),
                                r.getInteger("sequence_version"), Rows.instant(r.getOffsetDateTime("started_at")),
                                Rows.account(r.getJsonObject("account")).dueDate(), ZoneId.of(r.getString("time_zone"))));
                    }
                    return out;
                });
    }

    /** When the next step falls due after now, if one does before the horizon. */
    public static Future<java.util.Optional<Instant>> nextDue(SqlClient sql, Instant now, Instant horizon) {
        return sql.preparedQuery(NEXT_DUE).execute(Tuple.of(Rows.ts(now), Rows.ts(horizon))).map(rows -> {
            var at = rows.iterator().next().getOffsetDateTime(0);
            return java.util.Optional.ofNullable(at == null ? null : Rows.instant(at));
        });
    }

    public static Future<Long> pending(SqlClient sql, Instant now) {
        return sql.preparedQuery(PENDING).execute(Tuple.of(Rows.ts(now))).map(rows -> rows.iterator().next().getLong(0));
    }

    static Future<Void> batch(SqlClient sql, String statement, List<Tuple> rows) {
        return rows.isEmpty() ? Future.succeededFuture() : sql.preparedQuery(statement).executeBatch(rows).mapEmpty();
    }
}
