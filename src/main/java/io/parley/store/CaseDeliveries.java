package io.parley.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where webhook delivery of each case stands (case_delivery). Cases are claimed in batches with FOR UPDATE SKIP
 * LOCKED and a lease; an expired lease (its instance crashed) makes the case claimable again. Every write after a
 * claim checks the lease is still ours; a write that finds it gone tells the caller to stop.
 */
public final class CaseDeliveries {
    private static final String CLAIM = """
            UPDATE case_delivery d SET lease_owner = $1, lease_until = $3
            FROM (SELECT case_id FROM case_delivery
                  WHERE pending AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until < $2)
                  ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED) c
            WHERE d.case_id = c.case_id
            RETURNING d.case_id, d.delivered_seq, d.failures""";
    private static final String EVENTS = """
            SELECT seq, event_id, payload::text AS body, created_at FROM case_event
            WHERE case_id = $1 AND seq > $2 ORDER BY seq LIMIT $3""";
    private static final String ADVANCE = """
            UPDATE case_delivery SET delivered_seq = $2, failures = 0, last_error = NULL, lease_until = $4
            WHERE case_id = $1 AND lease_owner = $3 AND delivered_seq < $2""";
    private static final String FAIL = """
            UPDATE case_delivery SET failures = failures + 1, next_attempt_at = $2, last_error = $3,
                lease_owner = NULL, lease_until = NULL
            WHERE case_id = $1 AND lease_owner = $4""";
    private static final String RELEASE = """
            UPDATE case_delivery SET lease_owner = NULL, lease_until = NULL WHERE case_id = $1 AND lease_owner = $2""";
    private static final String LOCK = "SELECT delivered_seq FROM case_delivery WHERE case_id = $1 AND lease_owner = $2 "
            + "FOR UPDATE";
    private static final String CLEAR = """
            UPDATE case_delivery d SET pending = false, lease_owner = NULL, lease_until = NULL
            WHERE case_id = $1 AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = d.case_id
                                               AND e.seq > d.delivered_seq)""";
    private static final String PENDING = "SELECT count(*) FROM case_delivery WHERE pending";

    /** A case claimed for delivery. */
    public record Claimed(String caseId, long deliveredSeq, int failures) {
    }

    /**
     * An undelivered event: its per-case number, its id (the webhook-id), the stored payload as sent and when it was
     * recorded (in the transaction of the change it tells).
     */
    public record Undelivered(long seq, String eventId, String body, Instant createdAt) {
    }

    /** What finishing a case found. */
    public enum Finish { DONE, MORE, LOST }

    private CaseDeliveries() {
    }

    public static Future<List<Claimed>> claim(SqlClient sql, String owner, Instant now, Instant leaseUntil, int limit) {
        return sql.preparedQuery(CLAIM).execute(Tuple.of(owner, Rows.ts(now), Rows.ts(leaseUntil), limit)).map(rows -> {
            List<Claimed> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                out.add(new Claimed(r.getString("case_id"), r.getLong("delivered_seq"), r.getInteger("failures")));
            }
            return out;
        });
    }

    public static Future<List<Undelivered>> undelivered(SqlClient sql, String caseId, long after, int limit) {
        return sql.preparedQuery(EVENTS).execute(Tuple.of(caseId, after, limit)).map(rows -> {
            List<Undelivered> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                out.add(new Undelivered(r.getLong("seq"), r.getString("event_id"), r.getString("body"),
                        Rows.instant(r.getOffsetDateTime("created_at"))));
            }
            return out;
        });
    }

    /** Records that everything up to seq was accepted and renews the lease; false when the lease is gone. */
    public static Future<Boolean> advance(SqlClient sql, String caseId, long seq, String owner, Instant leaseUntil) {
        return sql.preparedQuery(ADVANCE).execute(Tuple.of(caseId, seq, owner, Rows.ts(leaseUntil)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Records a failed delivery and releases the case until retryAt. */
    public static Future<Void> fail(SqlClient sql, String caseId, Instant retryAt, String error, String owner) {
        return sql.preparedQuery(FAIL).execute(Tuple.of(caseId, Rows.ts(retryAt), error, owner)).mapEmpty();
    }

    /** Gives the case back, due at once (another batch, or another instance, carries on). */
    public static Future<Void> release(SqlClient sql, String caseId, String owner) {
        return sql.preparedQuery(RELEASE).execute(Tuple.of(caseId, owner)).mapEmpty();
    }

    /**
     * Clears pending once everything of the case is delivered, unless an event came in meanwhile. The row is
     * locked first: a transaction adding an event holds that lock from marking the case until it commits, so the
     * check that follows (a new statement, hence a new snapshot) sees its event. Checking in the clearing statement
     * alone would not: a statement that waits for the lock still checks the subquery against its older snapshot.
     */
    public static Future<Finish> finish(Pool pool, String caseId, String owner) {
        return pool.withTransaction(sql -> sql.preparedQuery(LOCK).execute(Tuple.of(caseId, owner))
                .compose(locked -> locked.rowCount() == 0
                        ? Future.succeededFuture(Finish.LOST)
                        : sql.preparedQuery(CLEAR).execute(Tuple.of(caseId))
                        .map(cleared -> cleared.rowCount() == 1 ? Finish.DONE : Finish.MORE)));
    }

    public static Future<Long> pending(SqlClient sql) {
        return sql.query(PENDING).execute().map(rows -> rows.iterator().next().getLong(0));
    }
}
