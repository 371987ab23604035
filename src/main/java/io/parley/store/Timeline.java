package io.parley.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.parley.store.Unnest.col;

/**
 * The append-only case timeline. Entries are numbered per case in commit order (see case_sequence), so paging by
 * that number never skips an entry. Appends go in batches inside the caller's transaction, and those the collection
 * engine hears about become case events (the outbox) in the same transaction.
 */
public final class Timeline {
    private static final String RESERVE = """
            INSERT INTO case_sequence (case_id, last) VALUES ($1, $2)
            ON CONFLICT (case_id) DO UPDATE SET last = case_sequence.last + EXCLUDED.last RETURNING last""";
    private static final String RESERVE_ALL = """
            INSERT INTO case_sequence (case_id, last) SELECT * FROM unnest($1::text[], $2::bigint[])
            ON CONFLICT (case_id) DO UPDATE SET last = case_sequence.last + EXCLUDED.last RETURNING case_id, last""";
    private static final String INSERT = """
            INSERT INTO timeline (case_id, seq, enrollment_id, at, kind, data)
            SELECT case_id, seq, enrollment_id, at, kind, data::jsonb
            FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[])
                 AS u(case_id, seq, enrollment_id, at, kind, data)""";
    private static final String PAGE = "SELECT seq, enrollment_id, at, kind, data FROM timeline "
            + "WHERE case_id = $1 AND seq > $2 ORDER BY seq LIMIT $3";

    private Timeline() {
    }

    /**
     * Appends entries, numbered per case, with their outbox events: inside the caller's transaction when given a
     * connection, in a transaction of its own when given the pool (the numbers, the entries and the events commit
     * together or not at all).
     */
    public static Future<Void> append(SqlClient sql, List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return Future.succeededFuture();
        }
        if (sql instanceof Pool pool) {
            return pool.withTransaction(conn -> append(conn, entries));
        }
        // cases in a fixed order, so two transactions reserving numbers for the same cases cannot deadlock
        Map<String, List<TimelineEntry>> byCase = new TreeMap<>();
        entries.forEach(e -> byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e));
        return reserve(sql, byCase).compose(lastByCase -> {
            List<TimelineEntry> ordered = new ArrayList<>(entries.size());
            List<Long> seqs = new ArrayList<>(entries.size());
            for (Map.Entry<String, List<TimelineEntry>> caseEntries : byCase.entrySet()) {
                long seq = lastByCase.get(caseEntries.getKey()) - caseEntries.getValue().size();
                for (TimelineEntry e : caseEntries.getValue()) {
                    ordered.add(e);
                    seqs.add(++seq);
                }
            }
            Tuple rows = Unnest.arrays(java.util.stream.IntStream.range(0, ordered.size()).boxed().toList(),
                    col(String.class, i -> ordered.get(i).caseId()), col(Long.class, seqs::get),
                    col(UUID.class, i -> ordered.get(i).enrollmentId()),
                    col(OffsetDateTime.class, i -> Rows.ts(ordered.get(i).at())),
                    col(String.class, i -> ordered.get(i).kind()), col(String.class, i -> ordered.get(i).data().encode()));
            // the entries and their events sent together: the connection runs them in that order, one round trip
            return Future.all(sql.preparedQuery(INSERT).execute(rows), Outbox.write(sql, ordered, seqs)).mapEmpty();
        });
    }

    /** Reserves numbers for each case's entries, the cases in order; answers each case's last number reserved. */
    private static Future<Map<String, Long>> reserve(SqlClient sql, Map<String, List<TimelineEntry>> byCase) {
        List<Map.Entry<String, List<TimelineEntry>>> cases = List.copyOf(byCase.entrySet());
        Map<String, Long> last = new HashMap<>();
        if (cases.size() == 1) {
            return sql.preparedQuery(RESERVE).execute(Tuple.of(cases.get(0).getKey(),
                    (long) cases.get(0).getValue().size())).map(rows -> {
                        last.put(cases.get(0).getKey(), rows.iterator().next().getLong(0));
                        return last;
                    });
        }
        return sql.preparedQuery(RESERVE_ALL).execute(Unnest.arrays(cases, col(String.class, Map.Entry::getKey),
                col(Long.class, e -> (long) e.getValue().size()))).map(rows -> {
                    rows.forEach(r -> last.put(r.getString("case_id"), r.getLong("last")));
                    return last;
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
