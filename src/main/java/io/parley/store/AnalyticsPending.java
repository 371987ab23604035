package io.parley.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The analytics rows still to recompute (V15__analytics_rollup.sql): writes mark the enrollments and cases they
 * touched, and a refresh recomputes the oldest marked ones and clears their marks - only those not marked again
 * meanwhile (a mark changed since it was read, or held by a writer marking it again, stays: the next refresh takes
 * it with the new write). One refresh at a time across instances: each holds an advisory lock for its transaction,
 * which writers never take.
 */
public final class AnalyticsPending {
    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(15015, 1) AS locked";
    private static final String LOCK = "SELECT true AS locked FROM (SELECT pg_advisory_xact_lock(15015, 1)) l";
    private static final String ENROLLMENTS =
            "SELECT enrollment_id, mark FROM analytics_pending ORDER BY mark LIMIT $1";
    private static final String CASES = "SELECT case_id, mark FROM analytics_pending_case ORDER BY mark LIMIT $1";
    // a case's enrollments are looked up now, after the write that marked it committed
    private static final String REFRESH = """
            SELECT 1 FROM (SELECT analytics_refresh(ARRAY(
                SELECT x FROM unnest($1::uuid[]) x
                UNION SELECT e.id FROM unnest($2::text[]) c (id) JOIN enrollment e ON e.case_id = c.id))) r""";
    // a mark still as read, and not held by a writer marking it again (skipped, not waited for: the refresher never
    // waits for a writer, so no writer can deadlock with it; the row stays and is refreshed again)
    private static final String CLEAR_ENROLLMENTS = """
            DELETE FROM analytics_pending WHERE enrollment_id IN (
                SELECT p.enrollment_id FROM analytics_pending p JOIN unnest($1::uuid[], $2::bigint[]) x (id, mark)
                    ON p.enrollment_id = x.id AND p.mark = x.mark
                FOR UPDATE OF p SKIP LOCKED)""";
    private static final String CLEAR_CASES = """
            DELETE FROM analytics_pending_case WHERE case_id IN (
                SELECT p.case_id FROM analytics_pending_case p JOIN unnest($1::text[], $2::bigint[]) x (id, mark)
                    ON p.case_id = x.id AND p.mark = x.mark
                FOR UPDATE OF p SKIP LOCKED)""";

    private AnalyticsPending() {
    }

    /**
     * Recomputes up to {@code limit} marked enrollments and up to {@code limit} marked cases, oldest marks first, in a
     * transaction of its own. When another refresh is running, waits for it if {@code wait}, otherwise does nothing
     * and completes with -1; else completes with how many marks it took (as many as the limit: there may be more).
     */
    public static Future<Integer> refresh(Pool pool, int limit, boolean wait) {
        return Transactions.run(pool, conn -> conn.query(wait ? LOCK : TRY_LOCK).execute().compose(locked -> {
            if (!locked.iterator().next().getBoolean("locked")) {
                return Future.succeededFuture(-1);
            }
            return take(conn, limit);
        }));
    }

    private static Future<Integer> take(SqlConnection conn, int limit) {
        var enrollments = conn.preparedQuery(ENROLLMENTS).execute(Tuple.of(limit));
        var cases = enrollments.compose(e -> conn.preparedQuery(CASES).execute(Tuple.of(limit)));
        return cases.compose(c -> {
            Marks<UUID> e = Marks.of(enrollments.result(), r -> r.getUUID(0), UUID[]::new);
            Marks<String> k = Marks.of(c, r -> r.getString(0), String[]::new);
            if (e.ids.length == 0 && k.ids.length == 0) {
                return Future.succeededFuture(0);
            }
            return conn.preparedQuery(REFRESH).execute(pair(e.ids, k.ids))
                    .compose(r -> conn.preparedQuery(CLEAR_ENROLLMENTS).execute(pair(e.ids, e.marks)))
                    .compose(r -> conn.preparedQuery(CLEAR_CASES).execute(pair(k.ids, k.marks)))
                    .map(r -> Math.max(e.ids.length, k.ids.length));
        });
    }

    /** Two arrays as two parameters (Tuple.of would spread the second). */
    private static Tuple pair(Object first, Object second) {
        return Tuple.tuple().addValue(first).addValue(second);
    }

    /** Marked rows as read: their keys and marks, as arrays for unnest. */
    private record Marks<K>(K[] ids, Long[] marks) {
        static <K> Marks<K> of(Iterable<Row> rows, java.util.function.Function<Row, K> key,
                               java.util.function.IntFunction<K[]> array) {
            List<K> ids = new ArrayList<>();
            List<Long> marks = new ArrayList<>();
            rows.forEach(r -> {
                ids.add(key.apply(r));
                marks.add(r.getLong("mark"));
            });
            return new Marks<>(ids.toArray(array), marks.toArray(Long[]::new));
        }
    }
}
