package io.parley.store;

import io.parley.domain.Channel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Provider requests kept before they are acted on (an SMS webhook's form, a raw email), once per channel and
 * dedupe key. A request stays pending until it is marked done; one that was not (a crash, the database away, a
 * failure acting on it) is taken up again after its lease by any instance, with SKIP LOCKED so two never take the
 * same one. A request that cannot be read is quarantined, kept for a person to look at.
 */
public final class InboundRequests {
    private static final String STORE = """
            INSERT INTO inbound_request (channel, dedupe_key, payload, received_at, retry_at, tries)
            VALUES ($1, $2, $3, $4, $5, 1) ON CONFLICT (channel, dedupe_key) DO NOTHING""";
    private static final String STORE_ALL = """
            INSERT INTO inbound_request (channel, dedupe_key, payload, received_at, retry_at, tries)
            SELECT $1, u.key, u.payload::jsonb, u.received, u.lease, 1
            FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[]) AS u(key, payload, received, lease)
            ON CONFLICT (channel, dedupe_key) DO NOTHING RETURNING dedupe_key""";
    private static final String DONE_ALL = """
            UPDATE inbound_request r SET state = u.state, processed_at = $3, outcome = u.outcome
            FROM unnest($2::text[], $4::text[], $5::text[]) AS u(key, state, outcome)
            WHERE r.channel = $1 AND r.dedupe_key = u.key AND r.state = 'pending'""";
    private static final String DONE = """
            UPDATE inbound_request SET state = $3, processed_at = $4, outcome = $5
            WHERE channel = $1 AND dedupe_key = $2 AND state = 'pending'""";
    private static final String CLAIM = """
            UPDATE inbound_request SET retry_at = $3, tries = tries + 1
            WHERE (channel, dedupe_key) IN (SELECT channel, dedupe_key FROM inbound_request
                                            WHERE channel = $1 AND state = 'pending' AND retry_at <= $2
                                            ORDER BY retry_at LIMIT $4 FOR UPDATE SKIP LOCKED)
            RETURNING dedupe_key, payload, received_at, tries""";
    private static final String QUARANTINED = """
            SELECT channel, dedupe_key, received_at, processed_at, outcome, tries, length(payload::text) AS size
            FROM inbound_request WHERE state = 'quarantined' AND ($1::text IS NULL OR channel = $1)
            ORDER BY received_at DESC LIMIT $2""";

    private InboundRequests() {
    }

    /** How a request ended: acted on, quarantined (unreadable), or abandoned after too many failed tries. */
    public enum End {
        PROCESSED, QUARANTINED, ABANDONED;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A request taken up again: its payload as received, when, and how many times it has been taken up. */
    public record Pending(String dedupeKey, JsonObject payload, Instant receivedAt, int tries) {
    }

    /**
     * Keeps a request the first time its key is seen, leased for {@code lease} to the caller who acts on it now.
     *
     * @return true when it is new; false for a retry or a replay of one already kept
     */
    public static Future<Boolean> store(SqlClient sql, Channel channel, String dedupeKey, JsonObject payload,
                                        Instant receivedAt, Duration lease) {
        return sql.preparedQuery(STORE).execute(Tuple.of(channel.wire(), dedupeKey, payload, Rows.ts(receivedAt),
                Rows.ts(receivedAt.plus(lease)))).map(rows -> rows.rowCount() == 1);
    }

    /** A request as it arrived, to be kept with others in one statement. */
    public record Raw(String dedupeKey, JsonObject payload, Instant receivedAt) {
    }

    /** How one request of a group ended, and what came of it. */
    public record Ended(String dedupeKey, End end, String outcome) {
    }

    /**
     * Keeps many requests in one statement (one commit), each the first time its key is seen, leased for
     * {@code lease} to the caller who acts on them now.
     *
     * @return the keys that were new (a key given twice is new once at most)
     */
    public static Future<Set<String>> storeAll(SqlClient sql, Channel channel, List<Raw> raws, Duration lease) {
        String[] keys = new String[raws.size()];
        String[] payloads = new String[raws.size()];
        OffsetDateTime[] received = new OffsetDateTime[raws.size()];
        OffsetDateTime[] leases = new OffsetDateTime[raws.size()];
        for (int i = 0; i < raws.size(); i++) {
            Raw raw = raws.get(i);
            keys[i] = raw.dedupeKey();
            payloads[i] = raw.payload().encode();
            received[i] = Rows.ts(raw.receivedAt());
            leases[i] = Rows.ts(raw.receivedAt().plus(lease));
        }
        return sql.preparedQuery(STORE_ALL).execute(Tuple.of(channel.wire(), keys, payloads, received, leases))
                .map(rows -> {
                    Set<String> fresh = new HashSet<>();
                    rows.forEach(r -> fresh.add(r.getString(0)));
                    return fresh;
                });
    }

    /** Marks many pending requests ended in one statement. */
    public static Future<Void> endAll(SqlClient sql, Channel channel, List<Ended> ended, Instant at) {
        if (ended.isEmpty()) {
            return Future.succeededFuture();
        }
        String[] keys = new String[ended.size()];
        String[] states = new String[ended.size()];
        String[] outcomes = new String[ended.size()];
        for (int i = 0; i < ended.size(); i++) {
            keys[i] = ended.get(i).dedupeKey();
            states[i] = ended.get(i).end().wire();
            outcomes[i] = ended.get(i).outcome();
        }
        return sql.preparedQuery(DONE_ALL).execute(Tuple.of(channel.wire(), keys, Rows.ts(at), states, outcomes))
                .mapEmpty();
    }

    /** Marks a pending request ended, with what came of it ("opt_out", "quarantined: not MIME"...). */
    public static Future<Void> end(SqlClient sql, Channel channel, String dedupeKey, End end, Instant at,
                                   String outcome) {
        return sql.preparedQuery(DONE).execute(Tuple.of(channel.wire(), dedupeKey, end.wire(), Rows.ts(at), outcome))
                .mapEmpty();
    }

    /** This channel's pending requests whose lease ran out, leased again for {@code lease}, oldest first. */
    public static Future<List<Pending>> claim(SqlClient sql, Channel channel, Instant now, Duration lease, int limit) {
        return sql.preparedQuery(CLAIM).execute(Tuple.of(channel.wire(), Rows.ts(now), Rows.ts(now.plus(lease)), limit))
                .map(rows -> {
                    List<Pending> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Pending(r.getString("dedupe_key"), r.getJsonObject("payload"),
                                Rows.instant(r.getOffsetDateTime("received_at")), r.getInteger("tries")));
                    }
                    return out;
                });
    }

    /** Quarantined requests, newest first, as the API lists them (without their payload). */
    public static Future<List<JsonObject>> quarantined(SqlClient sql, Channel channel, int limit) {
        return sql.preparedQuery(QUARANTINED).execute(Tuple.of(channel == null ? null : channel.wire(), limit))
                .map(rows -> {
                    List<JsonObject> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new JsonObject().put("channel", r.getString("channel"))
                                .put("dedupeKey", r.getString("dedupe_key"))
                                .put("receivedAt", Rows.instant(r.getOffsetDateTime("received_at")).toString())
                                .put("quarantinedAt", Rows.instant(r.getOffsetDateTime("processed_at")).toString())
                                .put("reason", r.getString("outcome")).put("size", r.getInteger("size")));
                    }
                    return out;
                });
    }
}
