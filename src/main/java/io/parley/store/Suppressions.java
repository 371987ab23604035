package io.parley.store;

import io.parley.domain.Channel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The address-level suppression list: an opt-out, a cease or a wrong number recorded against a channel and address,
 * whichever debtor it came through, so the address stays out of reach for every debtor and case that has it until the
 * suppression is lifted (an opt-in from the address, or over the API with a reason).
 */
public final class Suppressions {
    private static final String ADD = """
            INSERT INTO address_suppression (id, channel, address, reason, source, source_ref, detail, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (channel, address, reason) WHERE lifted_at IS NULL DO NOTHING""";
    private static final String LIFT = """
            UPDATE address_suppression SET lifted_at = $4, lifted_reason = $5, lifted_by = $6
            WHERE channel = $1 AND address = $2 AND reason = ANY($3) AND lifted_at IS NULL RETURNING reason""";
    private static final String LIST = """
            SELECT channel, address, reason, source, source_ref, detail, created_at, lifted_at, lifted_reason, lifted_by
            FROM address_suppression
            WHERE ($1::text IS NULL OR channel = $1) AND ($2::text IS NULL OR address = $2)
              AND ($3 OR lifted_at IS NULL)
            ORDER BY created_at DESC LIMIT $4""";
    private static final String DEBTORS = """
            SELECT DISTINCT debtor_id FROM contact_point WHERE channel = $1 AND lower(address) = $2 ORDER BY debtor_id""";

    private static final String STANDING = """
            SELECT channel, address, string_agg(reason || ' by ' || source || COALESCE(' (' || detail || ')', '')
                   || ' since ' || to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '; '
                   ORDER BY created_at) AS why
            FROM address_suppression WHERE lifted_at IS NULL AND address = ANY($1) GROUP BY channel, address""";

    private Suppressions() {
    }

    /** Why a suppression stands. */
    public enum Reason {
        OPT_OUT, CEASE, WRONG_NUMBER;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A suppression to record: the address, why, and where that came from. */
    public record New(Channel channel, String address, Reason reason, String source, String sourceRef, String detail) {
    }

    /** The form addresses are compared in. */
    public static String normalised(String address) {
        return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
    }

    /** Records the suppression; false when the same one stood already. */
    public static Future<Boolean> add(SqlClient sql, New s, Instant now) {
        return sql.preparedQuery(ADD).execute(Tuple.from(new Object[]{UUID.randomUUID(), s.channel().wire(),
                normalised(s.address()), s.reason().wire(), s.source(), s.sourceRef(), s.detail(), Rows.ts(now)}))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Lifts the standing suppressions of these reasons; the reasons lifted (empty when none stood). */
    public static Future<List<String>> lift(SqlClient sql, Channel channel, String address, List<Reason> reasons,
                                            String why, String by, Instant now) {
        return sql.preparedQuery(LIFT).execute(Tuple.of(channel.wire(), normalised(address),
                reasons.stream().map(Reason::wire).toArray(String[]::new), Rows.ts(now), why, by)).map(rows -> {
            List<String> lifted = new ArrayList<>();
            rows.forEach(r -> lifted.add(r.getString(0)));
            return lifted;
        });
    }

    /** Suppressions, newest first, standing only unless {@code withLifted}; channel and address narrow the list. */
    public static Future<List<JsonObject>> list(SqlClient sql, Channel channel, String address, boolean withLifted,
                                                int limit) {
        return sql.preparedQuery(LIST).execute(Tuple.of(channel == null ? null : channel.wire(), normalised(address),
                withLifted, limit)).map(rows -> {
            List<JsonObject> out = new ArrayList<>();
            rows.forEach(r -> out.add(json(r)));
            return out;
        });
    }

    /** The suppressions standing against these contact points' addresses, in the policy's terms. */
    public static Future<List<io.parley.policy.AddressSuppression>> standing(SqlClient sql,
                                                                            List<io.parley.domain.ContactPoint> points) {
        String[] addresses = points.stream().map(p -> normalised(p.address())).distinct().toArray(String[]::new);
        return sql.preparedQuery(STANDING).execute(Tuple.of(addresses)).map(rows -> {
            List<io.parley.policy.AddressSuppression> out = new ArrayList<>();
            rows.forEach(r -> out.add(new io.parley.policy.AddressSuppression(Channel.of(r.getString("channel")),
                    r.getString("address"), r.getString("why"))));
            return out;
        });
    }

    /** Every debtor who has this address on this channel. */
    public static Future<List<String>> debtors(SqlClient sql, Channel channel, String address) {
        return sql.preparedQuery(DEBTORS).execute(Tuple.of(channel.wire(), normalised(address))).map(rows -> {
            List<String> out = new ArrayList<>();
            rows.forEach(r -> out.add(r.getString(0)));
            return out;
        });
    }

    private static JsonObject json(Row r) {
        JsonObject out = new JsonObject().put("channel", r.getString("channel")).put("address", r.getString("address"))
                .put("reason", r.getString("reason")).put("source", r.getString("source"))
                .put("sourceRef", r.getString("source_ref")).put("detail", r.getString("detail"))
                .put("since", Rows.instant(r.getOffsetDateTime("created_at")).toString());
        if (r.getOffsetDateTime("lifted_at") != null) {
            out.put("liftedAt", Rows.instant(r.getOffsetDateTime("lifted_at")).toString())
                    .put("liftedReason", r.getString("lifted_reason")).put("liftedBy", r.getString("lifted_by"));
        }
        return out;
    }
}
