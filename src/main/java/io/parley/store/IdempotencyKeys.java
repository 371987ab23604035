package io.parley.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency-Key support. The key is reserved inside the request's own transaction, so a concurrent repeat waits for
 * the first to commit (then replays its response) or roll back (then runs itself).
 */
public final class IdempotencyKeys {
    private static final String RESERVE = """
            INSERT INTO idempotency_key (principal, key, request_hash, status, response, created_at)
            VALUES ($1, $2, $3, 0, '{}'::jsonb, $4) ON CONFLICT DO NOTHING""";
    private static final String FIND =
            "SELECT request_hash, status, response FROM idempotency_key WHERE principal = $1 AND key = $2";
    private static final String EXPIRE = """
            DELETE FROM idempotency_key WHERE ctid IN (SELECT ctid FROM idempotency_key WHERE created_at < $1 LIMIT $2)""";
    private static final String COMPLETE =
            "UPDATE idempotency_key SET status = $3, response = $4 WHERE principal = $1 AND key = $2";

    private static final String FIND_ALL =
            "SELECT key, request_hash, status, response FROM idempotency_key WHERE principal = $1 AND key = ANY($2)";
    private static final String STORE = """
            INSERT INTO idempotency_key (principal, key, request_hash, status, response, created_at)
            SELECT $1, u.key, u.request_hash, u.status, u.response::jsonb, $6
            FROM unnest($2::text[], $3::text[], $4::int[], $5::text[]) AS u(key, request_hash, status, response)
            ON CONFLICT DO NOTHING RETURNING key""";

    private IdempotencyKeys() {
    }

    /** A response stored for a key, with the hash of the request that produced it. */
    public record Stored(String requestHash, int status, JsonObject response) {
    }

    /** Reserves the key; empty when it was free, otherwise what the earlier request stored. */
    public static Future<Optional<Stored>> reserve(SqlClient sql, String principal, String key, String requestHash,
                                                   Instant now) {
        return sql.preparedQuery(RESERVE).execute(Tuple.of(principal, key, requestHash, Rows.ts(now)))
                .compose(rs -> rs.rowCount() == 1 ? Future.succeededFuture(Optional.<Stored>empty())
                        : sql.preparedQuery(FIND).execute(Tuple.of(principal, key)).map(rows -> {
                            Row r = rows.iterator().next();
                            return Optional.of(new Stored(r.getString("request_hash"), r.getInteger("status"),
                                    r.getJsonObject("response")));
                        }));
    }

    /** What is stored under each of these keys that is (keys never used are absent). */
    public static Future<java.util.Map<String, Stored>> findAll(SqlClient sql, String principal,
                                                               java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return Future.succeededFuture(java.util.Map.of());
        }
        return sql.preparedQuery(FIND_ALL).execute(Tuple.of(principal, (Object) keys.toArray(String[]::new))).map(rows -> {
            java.util.Map<String, Stored> out = new java.util.HashMap<>();
            for (Row r : rows) {
                out.put(r.getString("key"), new Stored(r.getString("request_hash"), r.getInteger("status"),
                        r.getJsonObject("response")));
            }
            return out;
        });
    }

    /** A response to keep under a key: the request's hash, the status and body answered. */
    public record Answer(String key, String requestHash, int status, JsonObject response) {
    }

    /** Keeps the answers; returns the keys stored (a key another request took meanwhile is not). */
    public static Future<java.util.Set<String>> storeAll(SqlClient sql, String principal,
                                                        java.util.List<Answer> answers, Instant now) {
        if (answers.isEmpty()) {
            return Future.succeededFuture(java.util.Set.of());
        }
        // one statement for all (the keys are distinct: a batch refuses an item repeating another's key)
        Tuple rows = Unnest.arrays(answers, Unnest.col(String.class, Answer::key),
                Unnest.col(String.class, Answer::requestHash), Unnest.col(Integer.class, Answer::status),
                Unnest.col(String.class, a -> a.response().encode()));
        Tuple params = Tuple.tuple().addValue(principal);
        for (int i = 0; i < rows.size(); i++) {
            params.addValue(rows.getValue(i));
        }
        return sql.preparedQuery(STORE).execute(params.addValue(Rows.ts(now))).map(rs -> {
            java.util.Set<String> stored = new java.util.HashSet<>();
            rs.forEach(r -> stored.add(r.getString(0)));
            return stored;
        });
    }

    /** Deletes up to {@code limit} keys created before {@code before}; completes with how many. */
    public static Future<Integer> expire(SqlClient sql, Instant before, int limit) {
        return sql.preparedQuery(EXPIRE).execute(Tuple.of(Rows.ts(before), limit)).map(rows -> rows.rowCount());
    }

    public static Future<Void> complete(SqlClient sql, String principal, String key, int status, JsonObject response) {
        return sql.preparedQuery(COMPLETE).execute(Tuple.of(principal, key, status, response)).mapEmpty();
    }

    /** Completes a key whose request created what {@code created} describes (answered 201 Created). */
    public static Future<Void> completeCreated(SqlClient sql, String principal, String key, JsonObject created) {
        return complete(sql, principal, key, 201, created);
    }
}
