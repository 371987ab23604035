package io.parley.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Hand-off tasks (a field visit, an agency placement, a legal referral): the attempt of a hand-off step, open until
 * its outcome, its deadline, a dispute or a recall closes it. Closing is a compare-and-set on the open state, so an
 * outcome is recorded once.
 */
public final class Tasks {
    public static final String OPEN = "open";
    public static final String DONE = "done";
    public static final String EXPIRED = "expired";
    public static final String CANCELLED = "cancelled";
    public static final String RECALLED = "recalled";

    private static final String COLUMNS = "id, enrollment_id, case_id, kind, state, detail, window_from, window_until,"
            + " deadline, outcome, outcome_at, notes, outcome_detail, created_at, closed_at";
    private static final String INSERT = """
            INSERT INTO task (id, enrollment_id, case_id, kind, state, detail, window_from, window_until, deadline,
                              created_at)
            SELECT a.id, a.enrollment_id, a.case_id, $2, 'open', $3, $4, $5, $6, $7 FROM attempt a WHERE a.id = $1
            ON CONFLICT (id) DO NOTHING RETURNING enrollment_id""";
    private static final String FIND = "SELECT " + COLUMNS + " FROM task WHERE id = $1";
    private static final String CLOSE = """
            UPDATE task SET state = $2, outcome = $3, outcome_at = $4, notes = $5, outcome_detail = $6, closed_at = $7
            WHERE id = $1 AND state = 'open' RETURNING\s""" + COLUMNS;
    private static final String CLOSE_OF_CASE = """
            UPDATE task SET state = $3, outcome = $3, outcome_at = $4, notes = $5, closed_at = $4
            WHERE case_id = $1 AND state = 'open' AND kind = ANY($2) RETURNING\s""" + COLUMNS;
    private static final String PAGE = "SELECT " + COLUMNS + " FROM task WHERE ($1::text IS NULL OR case_id = $1)"
            + " AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR state = $3)"
            + " AND (created_at, id) > ($4, $5) ORDER BY created_at, id LIMIT $6";
    private static final String PAST_DEADLINE = "SELECT id FROM task WHERE state = 'open' AND deadline <= $1"
            + " ORDER BY deadline LIMIT $2";
    private static final String SUMMARY = """
            SELECT e.account, e.debtor_id, d.preferences,
              (SELECT coalesce(jsonb_object_agg(channel, n), '{}'::jsonb) FROM (SELECT channel, count(*) AS n
                 FROM attempt WHERE case_id = e.case_id AND status <> 'failed' AND channel <> ALL($2)
                 GROUP BY channel) c) AS contacts,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('amount', amount::text, 'date', promised_on::text,
                 'dueAt', due_at, 'source', source) ORDER BY due_at), '[]'::jsonb)
                 FROM promise WHERE case_id = e.case_id AND status = 'open') AS promises,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', kind, 'reference', reference, 'since', since)
                 ORDER BY kind), '[]'::jsonb) FROM case_hold WHERE case_id = e.case_id) AS holds,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('channel', channel, 'address', address,
                 'reason', status_reason) ORDER BY channel, address), '[]'::jsonb)
                 FROM contact_point WHERE debtor_id = e.debtor_id AND status = 'opted_out') AS opt_outs
            FROM attempt a JOIN enrollment e ON e.id = a.enrollment_id JOIN debtor d ON d.id = e.debtor_id
            WHERE a.id = $1""";

    private Tasks() {
    }

    /**
     * A new open task for a committed hand-off attempt, with its enrollment; empty when it exists already (a second
     * insert of the same attempt does nothing).
     */
    public static Future<Optional<UUID>> insert(SqlClient sql, UUID attemptId, String kind, JsonObject detail,
                                         Instant windowFrom, Instant windowUntil, Instant deadline, Instant now) {
        return sql.preparedQuery(INSERT).execute(Tuple.from(java.util.Arrays.asList(attemptId, kind, detail,
                        nullable(windowFrom), nullable(windowUntil), nullable(deadline), Rows.ts(now))))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
    }

    public static Future<Optional<JsonObject>> find(SqlClient sql, UUID id) {
        return sql.preparedQuery(FIND).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(json(rows.iterator().next())));
    }

    /** Closes an open task with its outcome; empty when it was not open (closed before, or unknown). */
    public static Future<Optional<JsonObject>> close(SqlClient sql, UUID id, String state, String outcome,
                                                     Instant at, String notes, JsonObject detail, Instant now) {
        return sql.preparedQuery(CLOSE).execute(Tuple.from(java.util.Arrays.asList(id, state, outcome, Rows.ts(at),
                        notes, detail, Rows.ts(now))))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(json(rows.iterator().next())));
    }

    /** Closes the case's open tasks of these kinds in the given state (cancelled, recalled); the tasks closed. */
    public static Future<List<JsonObject>> closeOfCase(SqlClient sql, String caseId, List<String> kinds, String state,
                                                       String reason, Instant now) {
        return sql.preparedQuery(CLOSE_OF_CASE).execute(Tuple.of(caseId, kinds.toArray(String[]::new), state,
                Rows.ts(now), reason)).map(Tasks::all);
    }

    /** A page of tasks, oldest first, filtered by whichever of case, kind and state is given. */
    public static Future<List<JsonObject>> page(SqlClient sql, String caseId, String kind, String state,
                                                Instant afterCreated, UUID afterId, int limit) {
        return sql.preparedQuery(PAGE).execute(Tuple.from(java.util.Arrays.asList(caseId, kind, state,
                Rows.ts(afterCreated), afterId, limit))).map(Tasks::all);
    }

    /** Open tasks whose deadline has passed. */
    public static Future<List<UUID>> pastDeadline(SqlClient sql, Instant now, int limit) {
        return sql.preparedQuery(PAST_DEADLINE).execute(Tuple.of(Rows.ts(now), limit)).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(r.getUUID(0)));
            return ids;
        });
    }

    /**
     * What an agency needs about the case of a hand-off attempt: the account, contacts made per channel (not counting
     * hand-off channels), open promises, holds (disputes, cease requests...), opted-out contact points and whether
     * the debtor asked in writing for no contact at all.
     */
    public static Future<JsonObject> summary(SqlClient sql, UUID attemptId, List<String> handOffChannels) {
        return sql.preparedQuery(SUMMARY).execute(Tuple.of(attemptId, (Object) handOffChannels.toArray(String[]::new)))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new JsonObject().put("account", r.getJsonObject("account"))
                            .put("debtorId", r.getString("debtor_id"))
                            .put("ceaseAll", r.getJsonObject("preferences").getBoolean("ceaseAll", false))
                            .put("contacts", r.getJsonObject("contacts"))
                            .put("promises", (JsonArray) r.getValue("promises"))
                            .put("holds", (JsonArray) r.getValue("holds"))
                            .put("optOuts", (JsonArray) r.getValue("opt_outs"));
                });
    }

    private static Object nullable(Instant at) {
        return at == null ? null : Rows.ts(at);
    }

    private static List<JsonObject> all(io.vertx.sqlclient.RowSet<Row> rows) {
        List<JsonObject> out = new ArrayList<>();
        rows.forEach(r -> out.add(json(r)));
        return out;
    }

    private static JsonObject json(Row r) {
        return new JsonObject().put("id", r.getUUID("id").toString())
                .put("enrollmentId", r.getUUID("enrollment_id").toString())
                .put("caseId", r.getString("case_id")).put("kind", r.getString("kind"))
                .put("state", r.getString("state")).put("detail", r.getJsonObject("detail"))
                .put("windowFrom", text(r, "window_from")).put("windowUntil", text(r, "window_until"))
                .put("deadline", text(r, "deadline")).put("outcome", r.getString("outcome"))
                .put("outcomeAt", text(r, "outcome_at")).put("notes", r.getString("notes"))
                .put("outcomeDetail", r.getJsonObject("outcome_detail"))
                .put("createdAt", text(r, "created_at")).put("closedAt", text(r, "closed_at"));
    }

    private static String text(Row r, String column) {
        Instant at = Rows.instant(r.getOffsetDateTime(column));
        return at == null ? null : at.toString();
    }
}
