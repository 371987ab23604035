package io.parley.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only case timeline. Entries are numbered per case in commit order (see case_sequence), so paging by
 * that number never skips an entry. Appends go in batches inside the caller's transaction, and those the collection
 * engine hears about become case events (the outbox) in the same transaction.
 */
public final class Timeline {
    private static final String RESERVE = """
            INSERT INTO case_sequence (case_id, last) VALUES ($1, $2)
            ON CONFLICT (case_id) DO UPDATE SET last = case_sequence.last + EXCLUDED.last RETURNING last""";
    private static final String INSERT =
            "INSERT INTO timeline (case_id, seq, enrollment_id, at, kind, data) VALUES ($1, $2, $3, $4, $5, $6)";
    private static final String PAGE = "SELECT seq, enrollment_id, at, kind, data FROM timeline "
            + "WHERE case_id = $1 AND seq > $2 ORDER BY seq LIMIT $3";

    private Timeline() {
    }

    public static Future<Void> append(SqlClient sql, List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return Future.succeededFuture();
        }
        // cases in a fixed order, so two transactions reserving numbers for the same cases cannot deadlock
        Map<String, List<TimelineEntry>> byCase = new TreeMap<>();
        entries.forEach(e -> byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e));
        List<Tuple> reservations = byCase.entrySet().stream()
                .map(e -> Tuple.of(e.getKey(), (long) e.getValue().size())).toList();
        return sql.preparedQuery(RESERVE).executeBatch(reservations).compose(first -> {
            List<Tuple> rows = new ArrayList<>(entries.size());
            List<TimelineEntry> ordered = new ArrayList<>(entries.size());
            List<Long> seqs = new ArrayList<>(entries.size());
            RowSet<Row> rs = first;
            for (List<TimelineEntry> caseEntries : byCase.values()) {
                long last = rs.iterator().next().getLong(0);
                long seq = last - caseEntries.size();
                for (TimelineEntry e : caseEntries) {
                    rows.add(Tuple.of(e.caseId(), ++seq, e.enrollmentId(), Rows.ts(e.at()), e.kind(), e.data()));
                    ordered.add(e);
                    seqs.add(seq);
                }
                rs = rs.next();
            }
            return sql.preparedQuery(INSERT).executeBatch(rows)
                    .compose(v -> Outbox.write(sql, ordered, seqs));
        });
    }

    public static Future<Void> append(SqlClient sql, TimelineEntry entry) {
        return append(sql, List.of(entry));
    }

    /** Entries of a case after the cursor (an entry's seq), oldest first; "next" is the cursor of the following page. */
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
                last = r.getLong("seq");
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
