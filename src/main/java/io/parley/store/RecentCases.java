package io.parley.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * The cases most recently enrolled or changed, each with its latest enrollment: where the console starts. Read from
 * the newest end of the enrollment_by_update index, so a page costs the same whatever the table's size.
 */
public final class RecentCases {
    static final String RECENT = """
            SELECT case_id, debtor_id, sequence_name, sequence_version, status, updated_at FROM (
                SELECT DISTINCT ON (case_id) case_id, debtor_id, sequence_name, sequence_version, status, updated_at
                FROM (SELECT * FROM enrollment ORDER BY updated_at DESC LIMIT $1 * 4) latest
                ORDER BY case_id, updated_at DESC) cases
            ORDER BY updated_at DESC LIMIT $1""";

    private RecentCases() {
    }

    public static Future<JsonArray> list(SqlClient sql, int limit) {
        return sql.preparedQuery(RECENT).execute(Tuple.of(limit)).map(rows -> {
            JsonArray out = new JsonArray();
            for (Row r : rows) {
                out.add(new JsonObject().put("caseId", r.getString("case_id")).put("debtorId", r.getString("debtor_id"))
                        .put("sequence", r.getString("sequence_name")).put("version", r.getInteger("sequence_version"))
                        .put("status", r.getString("status"))
                        .put("updatedAt", Rows.instant(r.getOffsetDateTime("updated_at")).toString()));
            }
            return out;
        });
    }
}
