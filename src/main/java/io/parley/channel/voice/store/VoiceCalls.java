package io.parley.channel.voice.store;

import io.parley.channel.voice.flow.CallRules;
import io.parley.channel.voice.flow.CallState;
import io.parley.store.Rows;
import io.parley.store.Transactions;
import io.parley.template.CallScript;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The calls of the voice channel (voice_call): written before a call is placed, then locked, read and moved on
 * by each of Twilio's requests about it, from any instance.
 */
public final class VoiceCalls {
    private static final String INSERT = """
            INSERT INTO voice_call (attempt_id, to_number, script, rules, state, status, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, 'placing', $6, $6) ON CONFLICT (attempt_id) DO NOTHING""";
    private static final String PLACED =
            "UPDATE voice_call SET call_sid = $2, updated_at = $3 WHERE attempt_id = $1 AND call_sid IS NULL";
    private static final String LOCK = """
            SELECT attempt_id, to_number, script, rules, state, last_twiml, status, call_sid FROM voice_call
            WHERE attempt_id = $1 FOR UPDATE""";
    private static final String SAVE =
            "UPDATE voice_call SET state = $2, last_twiml = $3, updated_at = $4 WHERE attempt_id = $1";
    private static final String STATUS = """
            UPDATE voice_call SET status = $2, call_sid = COALESCE(call_sid, $3), updated_at = $4 WHERE attempt_id = $1
            RETURNING attempt_id, to_number, script, rules, state, last_twiml, status, call_sid""";

    private static final String LINKS = """
            SELECT call_sid, attempt_id FROM voice_call WHERE call_sid = ANY($1) OR attempt_id = $2
            UNION SELECT provider_ref, id FROM attempt WHERE provider_ref = ANY($1) AND channel = 'voice'""";

    private VoiceCalls() {
    }

    /** A call as stored: whom it calls, what it may say and must respect, where its flow stands. */
    public record StoredCall(UUID attemptId, String to, CallScript script, CallRules rules, CallState state,
                             String lastTwiml, String status, String callSid) {
    }

    /** A change to a call's flow: its new state, the TwiML answered, and what the caller wants back. */
    public record Change<T>(CallState state, String twiml, T result) {
    }

    /** Writes a call about to be placed, its flow not started. */
    public static Future<Void> insert(SqlClient sql, UUID attemptId, String to, CallScript script, CallRules rules,
                                      Instant now) {
        return sql.preparedQuery(INSERT).execute(Tuple.of(attemptId, to, CallRecords.script(script),
                CallRecords.rules(rules), CallRecords.state(CallState.dialling()), Rows.ts(now))).mapEmpty();
    }

    /** The provider's SID for the call, once it accepted it. */
    public static Future<Void> placed(SqlClient sql, UUID attemptId, String callSid, Instant now) {
        return sql.preparedQuery(PLACED).execute(Tuple.of(attemptId, callSid, Rows.ts(now))).mapEmpty();
    }

    /**
     * The attempts these call SIDs are already linked to (by their call, or as the attempt's provider reference),
     * and the SID the given attempt's own call holds, if any.
     */
    public static Future<List<Link>> links(SqlClient sql, UUID attemptId, List<String> callSids) {
        return sql.preparedQuery(LINKS).execute(Tuple.of(callSids.toArray(String[]::new), attemptId)).map(rows -> {
            List<Link> out = new ArrayList<>();
            for (Row r : rows) {
                if (r.getString(0) != null) {
                    out.add(new Link(r.getString(0), r.getUUID(1)));
                }
            }
            return out;
        });
    }

    /** A call SID and the attempt it belongs to. */
    public record Link(String callSid, UUID attemptId) {
    }

    /**
     * In one transaction: locks the call, works out the change, saves its state and answer. Empty for an unknown
     * call; a change with no state saves nothing.
     */
    public static <T> Future<Optional<T>> change(Pool pool, UUID attemptId, Function<StoredCall, Change<T>> change,
                                                 Instant now) {
        return Transactions.run(pool, conn -> conn.preparedQuery(LOCK).execute(Tuple.of(attemptId)).compose(rows -> {
            if (rows.size() == 0) {
                return Future.succeededFuture(Optional.<T>empty());
            }
            Change<T> next = change.apply(call(rows.iterator().next()));
            if (next.state() == null) {
                return Future.succeededFuture(Optional.ofNullable(next.result()));
            }
            return conn.preparedQuery(SAVE).execute(Tuple.of(attemptId, CallRecords.state(next.state()), next.twiml(),
                    Rows.ts(now))).map(saved -> Optional.ofNullable(next.result()));
        }));
    }

    /** Records the latest call status Twilio reported; the call as it stands, empty when it is not known. */
    public static Future<Optional<StoredCall>> status(SqlClient sql, UUID attemptId, String status, String callSid,
                                                      Instant now) {
        return sql.preparedQuery(STATUS).execute(Tuple.of(attemptId, status, callSid, Rows.ts(now)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(call(rows.iterator().next())));
    }

    private static StoredCall call(Row r) {
        return new StoredCall(r.getUUID("attempt_id"), r.getString("to_number"),
                CallRecords.script(r.getJsonObject("script")), CallRecords.rules(r.getJsonObject("rules")),
                CallRecords.state(r.getJsonObject("state")), r.getString("last_twiml"), r.getString("status"),
                r.getString("call_sid"));
    }
}
