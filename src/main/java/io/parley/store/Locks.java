package io.parley.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The locks transactions take, and the one order they take them in, so two transactions never wait on each other in a circle:
 * <ol>
 *   <li>case: the case (an advisory lock), serialising enrolments with events that put it on hold;</li>
 *   <li>queue: the due-step rows of the enrollments concerned, the rows the dispatcher claims;</li>
 *   <li>debtor: the debtor (an advisory lock), under which contact decisions are taken.</li>
 * </ol>
 * A transaction may skip a step of the order, never go back to an earlier one. Within a step, locks are taken in
 * sorted order.
 */
public final class Locks {
    private static final String CASE = "SELECT pg_advisory_xact_lock(hashtextextended('parley.case:' || $1, 0))";
    private static final String DEBTOR = "SELECT pg_advisory_xact_lock(hashtextextended('parley.debtor:' || $1, 0))";
    private static final String DEBTORS = "SELECT pg_advisory_xact_lock(hashtextextended('parley.debtor:' || d, 0)) "
            + "FROM unnest($1::text[]) AS d";
    private static final String CASES = "SELECT pg_advisory_xact_lock(hashtextextended('parley.case:' || c, 0)) "
            + "FROM unnest($1::text[]) AS c";
    private static final String QUEUE_OF_CASES = """
            SELECT d.enrollment_id FROM due_step d JOIN enrollment e ON e.id = d.enrollment_id
            WHERE e.case_id = ANY($1) ORDER BY d.enrollment_id FOR UPDATE OF d""";
    private static final String QUEUE_OF_CASE = """
            SELECT d.enrollment_id FROM due_step d JOIN enrollment e ON e.id = d.enrollment_id
            WHERE e.case_id = $1 ORDER BY d.enrollment_id FOR UPDATE OF d""";
    private static final String QUEUE_OF_ENROLLMENT =
            "SELECT enrollment_id FROM due_step WHERE enrollment_id = $1 FOR UPDATE";
    private static final String QUEUE_OF_ATTEMPTS = """
            SELECT enrollment_id FROM due_step
            WHERE enrollment_id IN (SELECT enrollment_id FROM attempt WHERE id = ANY($1))
            ORDER BY enrollment_id FOR UPDATE""";

    private Locks() {
    }

    /** The cases, then the queue rows of their enrollments, until the transaction ends. */
    public static Future<Void> cases(SqlClient sql, Collection<String> caseIds) {
        List<Tuple> ids = sorted(caseIds);
        return DueSteps.batch(sql, CASE, ids).compose(v -> DueSteps.batch(sql, QUEUE_OF_CASE, ids));
    }

    /**
     * As {@link #cases}, in two statements whatever the number of cases: every case in sorted order
     * ({@link #casesAlone}), then the queue rows of all their enrollments in the order of their ids.
     */
    public static Future<Void> casesTogether(SqlClient sql, Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Future.succeededFuture();
        }
        Object ids = caseIds.stream().distinct().sorted().toArray(String[]::new);
        return casesAlone(sql, caseIds)
                .compose(v -> sql.preparedQuery(QUEUE_OF_CASES).execute(Tuple.of(ids))).mapEmpty();
    }

    /** The case alone: serialises enrolling a case with events that put it on hold. */
    public static Future<Void> caseAlone(SqlClient sql, String caseId) {
        return sql.preparedQuery(CASE).execute(Tuple.of(caseId)).mapEmpty();
    }

    /** Several cases alone, in sorted order: serialises enrolling them with events that put them on hold. */
    public static Future<Void> casesAlone(SqlClient sql, Collection<String> caseIds) {
        List<Tuple> ids = sorted(caseIds);
        if (ids.size() <= 1) {
            return DueSteps.batch(sql, CASE, ids);
        }
        // one statement taking the locks in the array's order (a function scan yields its rows in order)
        return sql.preparedQuery(CASES).execute(Tuple.of((Object) ids.stream().map(t -> t.getString(0))
                .toArray(String[]::new))).mapEmpty();
    }

    /** Queue rows: the queue rows of a case's enrollments. */
    public static Future<Void> queueOfCase(SqlClient sql, String caseId) {
        return sql.preparedQuery(QUEUE_OF_CASE).execute(Tuple.of(caseId)).mapEmpty();
    }

    /** Queue rows: one enrollment's queue row. */
    public static Future<Void> queueOf(SqlClient sql, UUID enrollmentId) {
        return sql.preparedQuery(QUEUE_OF_ENROLLMENT).execute(Tuple.of(enrollmentId)).mapEmpty();
    }

    /** Queue rows: the queue rows of the enrollments these attempts belong to. */
    public static Future<Void> queueOfAttempts(SqlClient sql, Collection<UUID> attemptIds) {
        return sql.preparedQuery(QUEUE_OF_ATTEMPTS).execute(Tuple.of((Object) attemptIds.toArray(UUID[]::new)))
                .mapEmpty();
    }

    /** Debtors: serialises contact decisions per debtor across every instance. */
    public static Future<Void> debtors(SqlClient sql, Collection<String> debtorIds) {
        List<Tuple> ids = sorted(debtorIds);
        if (ids.size() <= 1) {
            return DueSteps.batch(sql, DEBTOR, ids);
        }
        // one statement taking the locks in the array's order (a function scan yields its rows in order)
        return sql.preparedQuery(DEBTORS).execute(Tuple.of((Object) ids.stream().map(t -> t.getString(0))
                .toArray(String[]::new))).mapEmpty();
    }

    private static List<Tuple> sorted(Collection<String> ids) {
        return ids.stream().distinct().sorted().map(Tuple::of).toList();
    }
}
