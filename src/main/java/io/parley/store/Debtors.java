package io.parley.store;

import io.parley.domain.Channel;
import io.parley.policy.ContactPreferences;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Debtors as the policy sees them: their preferences, their contact points' states, and their cases. */
public final class Debtors {
    // a cease once given stays: it is never cleared by new preferences
    private static final String SET_PREFERENCES = """
            UPDATE debtor SET preferences = jsonb_set($2::jsonb, '{ceaseAll}', to_jsonb(
                    COALESCE((preferences->>'ceaseAll')::boolean, false) OR COALESCE(($2::jsonb->>'ceaseAll')::boolean, false))),
                updated_at = $3
            WHERE id = $1 RETURNING id""";
    private static final String FIND = "SELECT id, preferences FROM debtor WHERE id = $1";
    private static final String CONTACTS = """
            SELECT cp.id, cp.channel, cp.address, cp.type, cp.consent, cp.status, cp.status_reason, cp.updated_at,
                   (SELECT jsonb_agg(jsonb_build_object('reason', s.reason, 'source', s.source, 'detail', s.detail,
                                                        'since', s.created_at) ORDER BY s.created_at)
                    FROM address_suppression s
                    WHERE s.channel = cp.channel AND s.address = lower(cp.address) AND s.lifted_at IS NULL) AS suppressed
            FROM contact_point cp WHERE cp.debtor_id = $1 ORDER BY cp.id""";
    private static final String SET_STATUS = """
            UPDATE contact_point SET status = $5, status_reason = $6, updated_at = $7
            WHERE debtor_id = $1 AND channel = $2 AND address = $3 AND status = ANY($4) RETURNING id""";
    private static final String OPT_OUT_POINT = """
            UPDATE contact_point cp SET status = $3, status_reason = $2, updated_at = $4
            WHERE id = $1 AND status <> $3
            RETURNING channel, (SELECT e.case_id FROM enrollment e WHERE e.debtor_id = cp.debtor_id
                                ORDER BY e.created_at DESC LIMIT 1) AS case_id""";
    private static final String EXISTS =
            "SELECT status FROM contact_point WHERE debtor_id = $1 AND channel = $2 AND address = $3";
    private static final String STORED_CASELESS = """
            SELECT address FROM contact_point WHERE debtor_id = $1 AND channel = $2 AND lower(address) = lower($3)
            ORDER BY address = $3 DESC, address LIMIT 1""";
    private static final String CASES = "SELECT DISTINCT case_id FROM enrollment WHERE debtor_id = $1 ORDER BY case_id";
    private static final String ADDRESSES = """
            SELECT DISTINCT address FROM contact_point WHERE debtor_id = ANY($1) AND channel = $2 ORDER BY address""";

    private Debtors() {
    }

    /**
     * The address a debtor's contact point on the channel is stored under, found without regard to case (email
     * addresses: an address differing only in case is the same mailbox); the given address when there is none.
     */
    public static Future<String> storedCaseless(SqlClient sql, String debtorId, Channel channel, String address) {
        return sql.preparedQuery(STORED_CASELESS).execute(Tuple.of(debtorId, channel.wire(), address))
                .map(rows -> rows.size() == 0 ? address : rows.iterator().next().getString("address"));
    }

    /** Replaces the debtor's preferences; false when there is no such debtor. */
    public static Future<Boolean> setPreferences(SqlClient sql, String debtorId, ContactPreferences preferences,
                                                 Instant now) {
        return sql.preparedQuery(SET_PREFERENCES)
                .execute(Tuple.of(debtorId, Rows.preferences(preferences), Rows.ts(now)))
                .map(rows -> rows.size() > 0);
    }

    /** The debtor with preferences and contact points, as the API shows them. */
    public static Future<Optional<JsonObject>> find(SqlClient sql, String debtorId) {
        return sql.preparedQuery(FIND).execute(Tuple.of(debtorId)).compose(rows -> {
            if (rows.size() == 0) {
                return Future.succeededFuture(Optional.<JsonObject>empty());
            }
            JsonObject preferences = Rows.preferences(Rows.preferences(rows.iterator().next().getJsonObject("preferences")));
            return sql.preparedQuery(CONTACTS).execute(Tuple.of(debtorId)).map(points -> {
                JsonArray contacts = new JsonArray();
                for (Row r : points) {
                    contacts.add(new JsonObject().put("channel", r.getString("channel"))
                            .put("address", r.getString("address")).put("type", r.getString("type"))
                            .put("consent", r.getBoolean("consent")).put("status", r.getString("status"))
                            .put("statusReason", r.getString("status_reason"))
                            .put("updatedAt", Rows.instant(r.getOffsetDateTime("updated_at")).toString())
                            .put("suppressions", r.getValue("suppressed") == null ? new JsonArray()
                                    : (JsonArray) r.getValue("suppressed")));
                }
                return Optional.of(new JsonObject().put("id", debtorId).put("preferences", preferences)
                        .put("contactPoints", contacts));
            });
        });
    }

    /**
     * Moves a contact point from one of the given statuses to another. Empty when there is no such point; otherwise
     * whether it changed (false: it was already so, or in a status that may not change this way).
     */
    public static Future<Optional<Boolean>> setStatus(SqlClient sql, String debtorId, Channel channel, String address,
                                                      List<ContactPointStatus> from, ContactPointStatus to,
                                                      String reason, Instant now) {
        return sql.preparedQuery(EXISTS).execute(Tuple.of(debtorId, channel.wire(), address)).compose(found -> {
            if (found.size() == 0) {
                return Future.succeededFuture(Optional.<Boolean>empty());
            }
            return sql.preparedQuery(SET_STATUS).execute(Tuple.from(new Object[]{debtorId, channel.wire(), address,
                    from.stream().map(ContactPointStatus::wire).toArray(String[]::new), to.wire(), reason, Rows.ts(now)}))
                    .map(rows -> Optional.of(rows.size() > 0));
        });
    }

    /** A contact point opted out by its id: its channel, and the debtor's latest case (null when they have none). */
    public record OptedOut(Channel channel, String latestCaseId) {
    }

    /** Opts out the contact point with this id; empty when there is none or it was opted out already. */
    public static Future<Optional<OptedOut>> optOut(SqlClient sql, long contactPointId, String reason, Instant now) {
        return sql.preparedQuery(OPT_OUT_POINT)
                .execute(Tuple.of(contactPointId, reason, ContactPointStatus.OPTED_OUT.wire(), Rows.ts(now)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new OptedOut(Channel.parse(r.getString("channel")), r.getString("case_id")));
                });
    }

    /** The addresses these debtors have on a channel. */
    public static Future<List<String>> addresses(SqlClient sql, List<String> debtorIds, Channel channel) {
        return sql.preparedQuery(ADDRESSES).execute(Tuple.of(debtorIds.toArray(String[]::new), channel.wire()))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                });
    }

    /** Every case the debtor has been enrolled under. */
    public static Future<List<String>> cases(SqlClient sql, String debtorId) {
        return sql.preparedQuery(CASES).execute(Tuple.of(debtorId)).map(rows -> {
            List<String> out = new ArrayList<>();
            rows.forEach(r -> out.add(r.getString(0)));
            return out;
        });
    }
}
