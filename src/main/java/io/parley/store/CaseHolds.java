package io.parley.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds on a case (dispute, cease request, attorney, bankruptcy): while one stands, nothing is sent about the case
 * and no new enrollment starts; a written cease request also sets the debtor's ceaseAll preference.
 */
public final class CaseHolds {
    private static final String PLACE = """
            INSERT INTO case_hold (case_id, kind, reference, since) VALUES ($1, $2, $3, $4)
            ON CONFLICT (case_id, kind) DO NOTHING""";
    private static final String OF_CASE = "SELECT kind FROM case_hold WHERE case_id = $1 ORDER BY kind";
    private static final String OF_CASES = "SELECT case_id, kind FROM case_hold WHERE case_id = ANY($1)";
    private static final String DETAILS = "SELECT kind, reference, since FROM case_hold WHERE case_id = $1 ORDER BY kind";
    private static final String LIFT = "DELETE FROM case_hold WHERE case_id = $1 AND kind = $2 RETURNING reference, since";
    private static final String CEASE = """
            UPDATE debtor SET preferences = jsonb_set(preferences, '{ceaseAll}', 'true'::jsonb, true), updated_at = $2
            WHERE id IN (SELECT debtor_id FROM enrollment WHERE case_id = $1)""";

    private CaseHolds() {
    }

    public static Future<Void> place(SqlClient sql, String caseId, String kind, String reference, Instant at) {
        return sql.preparedQuery(PLACE).execute(Tuple.of(caseId, kind, reference, Rows.ts(at))).mapEmpty();
    }

    public static Future<List<String>> of(SqlClient sql, String caseId) {
        return sql.preparedQuery(OF_CASE).execute(Tuple.of(caseId)).map(rows -> {
            List<String> kinds = new ArrayList<>();
            rows.forEach(r -> kinds.add(r.getString(0)));
            return kinds;
        });
    }

    /** The holds on each of these cases that has any. */
    public static Future<Map<String, List<String>>> ofCases(SqlClient sql, List<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return sql.preparedQuery(OF_CASES).execute(Tuple.of((Object) caseIds.toArray(String[]::new))).map(rows -> {
            Map<String, List<String>> out = new HashMap<>();
            rows.forEach(r -> out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1)));
            return out;
        });
    }

    /** The holds on a case with what placed them and since when, as the API shows them. */
    public static Future<List<JsonObject>> details(SqlClient sql, String caseId) {
        return sql.preparedQuery(DETAILS).execute(Tuple.of(caseId)).map(rows -> {
            List<JsonObject> out = new ArrayList<>();
            rows.forEach(r -> out.add(new JsonObject().put("kind", r.getString("kind"))
                    .put("reference", r.getString("reference"))
                    .put("since", Rows.instant(r.getOffsetDateTime("since")).toString())));
            return out;
        });
    }

    /**
     * Lifts a hold; what it was (reference and since), or empty when the case had no such hold. The case's steps it
     * kept waiting (an agency placement's) become due now, and what was lifted says how many ({@code released}) if any.
     */
    public static Future<Optional<JsonObject>> lift(SqlClient sql, String caseId, String kind, Instant now) {
        return sql.preparedQuery(LIFT).execute(Tuple.of(caseId, kind)).compose(rows -> {
            if (rows.size() == 0) {
                return Future.succeededFuture(Optional.empty());
            }
            Row row = rows.iterator().next();
            JsonObject lifted = new JsonObject().put("kind", kind).put("reference", row.getString(0))
                    .put("since", Rows.instant(row.getOffsetDateTime(1)).toString());
            return DueSteps.releaseHeld(sql, caseId, kind, now).map(released -> Optional.of(released == 0 ? lifted
                    : lifted.put("released", released)));
        });
    }

    /** The case's debtor asked in writing for no more contact: applies to every case of theirs. */
    public static Future<Void> ceaseAllContact(SqlClient sql, String caseId, Instant at) {
        return sql.preparedQuery(CEASE).execute(Tuple.of(caseId, Rows.ts(at))).mapEmpty();
    }
}
