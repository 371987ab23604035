package io.parley.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.ZoneOffset;
import java.util.List;

/** The append-only case timeline. Appends go in batches inside the caller's transaction. */
public final class Timeline {
    private static final String INSERT =
            "INSERT INTO timeline (case_id, enrollment_id, at, kind, data) VALUES ($1, $2, $3, $4, $5)";
    private static final String PAGE =
            "SELECT id, enrollment_id, at, kind, data FROM timeline WHERE case_id = $1 AND id > $2 ORDER BY id LIMIT $3";

    private Timeline() {
    }

    public static Future<Void> append(SqlClient sql, List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> rows = entries.stream()
                .map(e -> Tuple.of(e.caseId(), e.enrollmentId(), e.at().atOffset(ZoneOffset.UTC), e.kind(), e.data()))
                .toList();
        return sql.preparedQuery(INSERT).executeBatch(rows).mapEmpty();
    }

    public static Future<Void> append(SqlClient sql, TimelineEntry entry) {
        return append(sql, List.of(entry));
    }

    /** Entries of a case after the cursor (an entry id), oldest first; "next" is the cursor of the following page. */
    public static Future<JsonObject> page(SqlClient sql, String caseId, long after, int limit) {
        return sql.preparedQuery(PAGE).execute(Tuple.of(caseId, after, limit + 1)).map(rows -> {
            JsonArray entries = new JsonArray();
            long last = after;
            int n = 0;
            boolean more = false;
            for (Row r : rows) {
                if (n++ == limit) {
                    more = true;
                    break;
                }
                last = r.getLong("id");
                entries.add(new JsonObject()
                        .put("id", String.valueOf(last))
                        .put("at", r.getOffsetDateTime("at").toInstant().toString())
                        .put("kind", r.getString("kind"))
                        .put("enrollmentId", r.getUUID("enrollment_id") == null ? null : r.getUUID("enrollment_id").toString())
                        .put("data", r.getJsonObject("data")));
            }
            return new JsonObject().put("entries", entries).put("next", more ? String.valueOf(last) : null);
        });
    }
}
