package io.parley.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads case events in commit order across all cases: by writing transaction (txid), then id. Only transactions
 * older than every one still running are shown (txid below the snapshot's xmin), so an event committed later can
 * never land behind a cursor already handed out. An event's txid is never below that of its case's previous event
 * ({@link Outbox}), so each case's events come in seq order, in the feed and in the stream alike.
 */
public final class CaseEventFeed {
    private static final String PAGE = """
            SELECT txid::text AS txid, id, type, payload FROM case_event
            WHERE (txid, id) > ($1::text::xid8, $2) AND txid < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY case_event.txid, id LIMIT $3"""; // the column, not the text alias: 9 < 10 as numbers only

    /** One event as the feed shows it: its position, its type and the stored payload. */
    public record Event(FeedCursor cursor, String type, JsonObject payload) {
    }

    /** Events after a cursor, and the cursor to ask from next (the given one when there is nothing new). */
    public record Page(List<Event> events, FeedCursor next) {
    }

    private CaseEventFeed() {
    }

    public static Future<Page> after(SqlClient sql, FeedCursor cursor, int limit) {
        return sql.preparedQuery(PAGE).execute(Tuple.of(String.valueOf(cursor.txid()), cursor.id(), limit))
                .map(rows -> {
                    List<Event> events = new ArrayList<>(rows.size());
                    FeedCursor next = cursor;
                    for (Row r : rows) {
                        next = new FeedCursor(Long.parseLong(r.getString("txid")), r.getLong("id"));
                        events.add(new Event(next, r.getString("type"), r.getJsonObject("payload")));
                    }
                    return new Page(events, next);
                });
    }
}
