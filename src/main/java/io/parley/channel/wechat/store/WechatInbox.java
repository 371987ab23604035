package io.parley.channel.wechat.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the platform pushed, kept once per dedupe key before it is acted on. A message stays pending until it is
 * marked processed; one that was not (a crash, the database away) is taken up again after its lease, by any
 * instance, with SKIP LOCKED so two never take the same one.
 */
public final class WechatInbox {
    private static final String STORE = """
            INSERT INTO wechat_inbound (dedupe_key, msg_type, from_openid, fields, received_at, retry_at, tries)
            VALUES ($1, $2, $3, $4, $5, $6, 1) ON CONFLICT (dedupe_key) DO NOTHING""";
    private static final String PROCESSED = """
            UPDATE wechat_inbound SET processed_at = $2, outcome = $3 WHERE dedupe_key = $1 AND processed_at IS NULL""";
    private static final String CLAIM = """
            UPDATE wechat_inbound SET retry_at = $2, tries = tries + 1
            WHERE dedupe_key IN (SELECT dedupe_key FROM wechat_inbound
                                 WHERE processed_at IS NULL AND retry_at <= $1
                                 ORDER BY retry_at LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING dedupe_key, fields, received_at, tries""";

    private final Pool pool;

    public WechatInbox(Pool pool) {
        this.pool = pool;
    }

    /** A message taken up again: its fields as received, when, and how many times it has been taken up. */
    public record Pending(String dedupeKey, Map<String, String> fields, Instant receivedAt, int tries) {
    }

    /**
     * Keeps a message the first time its key is seen, leased for {@code lease} to the caller who acts on it now.
     *
     * @return true when it is new; false for a retry or a replay of one already kept
     */
    public Future<Boolean> store(String dedupeKey, String msgType, String fromOpenId, Map<String, String> fields,
                                 Instant receivedAt, Duration lease) {
        JsonObject json = new JsonObject();
        fields.forEach(json::put);
        return pool.preparedQuery(STORE).execute(Tuple.of(dedupeKey, msgType, fromOpenId, json, ts(receivedAt),
                ts(receivedAt.plus(lease)))).map(rows -> rows.rowCount() == 1);
    }

    /** Marks a message acted on, with what came of it ("reply opt_out", "delivered", "ignored: image"...). */
    public Future<Void> processed(String dedupeKey, Instant at, String outcome) {
        return pool.preparedQuery(PROCESSED).execute(Tuple.of(dedupeKey, ts(at), outcome)).mapEmpty();
    }

    /** Pending messages whose lease ran out, leased again for {@code lease}, oldest first. */
    public Future<List<Pending>> claim(Instant now, Duration lease, int limit) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(ts(now), ts(now.plus(lease)), limit))
                .map(rows -> {
                    Function<Row, Pending> read = row -> new Pending(row.getString("dedupe_key"),
                            fields(row.getJsonObject("fields")), row.getOffsetDateTime("received_at").toInstant(),
                            row.getInteger("tries"));
                    return java.util.stream.StreamSupport.stream(rows.spliterator(), false).map(read).toList();
                });
    }

    private static Map<String, String> fields(JsonObject json) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        json.forEach(e -> fields.put(e.getKey(), String.valueOf(e.getValue())));
        return fields;
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
