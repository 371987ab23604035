package io.parley.store;

import io.parley.domain.Channel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.parley.store.Unnest.col;

/**
 * Messages from debtors (replies on any channel), each recorded once per channel and provider reference, and the
 * lookups that tell whom one is from: the attempt it answers, or every debtor with the address it came from.
 */
public final class InboundMessages {
    private static final String RECORD = """
            INSERT INTO inbound_message (id, channel, provider_ref, from_address, to_address, body, debtor_ids, case_ids,
                                         intent, classification, received_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (channel, provider_ref) DO NOTHING""";
    private static final String RECORD_ALL = """
            INSERT INTO inbound_message (id, channel, provider_ref, from_address, to_address, body, debtor_ids, case_ids,
                                         intent, classification, received_at)
            SELECT u.id, u.channel, u.provider_ref, u.from_address, u.to_address, u.body,
                   ARRAY(SELECT jsonb_array_elements_text(u.debtor_ids::jsonb)),
                   ARRAY(SELECT jsonb_array_elements_text(u.case_ids::jsonb)), u.intent, u.classification::jsonb,
                   u.received_at
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                        $9::text[], $10::text[], $11::timestamptz[])
                 AS u(id, channel, provider_ref, from_address, to_address, body, debtor_ids, case_ids, intent,
                      classification, received_at)
            ON CONFLICT (channel, provider_ref) DO NOTHING RETURNING id""";
    private static final String BY_ATTEMPT = """
            SELECT a.debtor_id, d.locale, e.time_zone, a.case_id, e.account, a.contact_address AS address,
                   e.status = ANY($2) AS open
            FROM attempt a JOIN debtor d ON d.id = a.debtor_id JOIN enrollment e ON e.id = a.enrollment_id
            WHERE a.id = $1""";
    private static final String BY_ADDRESS = """
            SELECT DISTINCT cp.debtor_id, d.locale, e.time_zone, e.case_id, e.account, e.created_at, cp.address,
                   e.status = ANY($3) AS open
            FROM contact_point cp JOIN debtor d ON d.id = cp.debtor_id
            JOIN enrollment e ON e.debtor_id = cp.debtor_id
            WHERE cp.channel = ANY($1) AND cp.address = $2
            ORDER BY open DESC, e.created_at DESC""";
    private static final String BY_ADDRESSES = """
            SELECT DISTINCT cp.debtor_id, d.locale, e.time_zone, e.case_id, e.account, e.created_at, cp.address,
                   e.status = ANY($3) AS open
            FROM contact_point cp JOIN debtor d ON d.id = cp.debtor_id
            JOIN enrollment e ON e.debtor_id = cp.debtor_id
            WHERE cp.channel = ANY($1) AND cp.address = ANY($2)
            ORDER BY cp.address, open DESC, e.created_at DESC""";

    private InboundMessages() {
    }

    /** A message as received and classified, with the debtors and cases it was taken to concern. */
    public record Received(Channel channel, String providerRef, String from, String to, String body,
                           List<String> debtorIds, List<String> caseIds, String intent, JsonObject classification,
                           Instant receivedAt) {
    }

    /** A debtor a message may be from, with one of their cases and the address as stored. */
    public record Sender(String debtorId, String locale, String timeZone, String caseId, JsonObject account,
                         String address, boolean open) {
    }

    /** Records the message; false when it was recorded before (a provider's redelivery). */
    public static Future<Boolean> record(SqlClient sql, Received m) {
        return sql.preparedQuery(RECORD).execute(Tuple.from(new Object[]{UUID.randomUUID(), m.channel().wire(),
                m.providerRef(), m.from(), m.to(), m.body(), m.debtorIds().toArray(String[]::new),
                m.caseIds().toArray(String[]::new), m.intent(), m.classification(), Rows.ts(m.receivedAt())}))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Records many messages in one statement; answers, in order, whether each is new. A message whose channel and
     * provider reference come earlier in the list is not new (it is the same message, delivered twice).
     */
    public static Future<List<Boolean>> recordAll(SqlClient sql, List<Received> messages) {
        List<UUID> ids = new ArrayList<>(messages.size());
        List<Integer> sent = new ArrayList<>(messages.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            Received m = messages.get(i);
            ids.add(UUID.randomUUID());
            if (seen.add(m.channel().wire() + '\n' + m.providerRef())) {
                sent.add(i);
            }
        }
        Tuple rows = Unnest.arrays(sent, col(UUID.class, ids::get),
                col(String.class, i -> messages.get(i).channel().wire()), col(String.class, i -> messages.get(i).providerRef()),
                col(String.class, i -> messages.get(i).from()), col(String.class, i -> messages.get(i).to()),
                col(String.class, i -> messages.get(i).body()),
                col(String.class, i -> new JsonArray(messages.get(i).debtorIds()).encode()),
                col(String.class, i -> new JsonArray(messages.get(i).caseIds()).encode()),
                col(String.class, i -> messages.get(i).intent()),
                col(String.class, i -> messages.get(i).classification().encode()),
                col(OffsetDateTime.class, i -> Rows.ts(messages.get(i).receivedAt())));
        return sql.preparedQuery(RECORD_ALL).execute(rows).map(inserted -> {
            Set<UUID> fresh = new HashSet<>();
            inserted.forEach(r -> fresh.add(r.getUUID("id")));
            List<Boolean> out = new ArrayList<>(messages.size());
            ids.forEach(id -> out.add(fresh.contains(id)));
            return out;
        });
    }

    /** Who was sent the attempt, about which case. */
    public static Future<Optional<Sender>> senderOf(SqlClient sql, UUID attemptId) {
        return sql.preparedQuery(BY_ATTEMPT).execute(Tuple.of(attemptId, (Object) openStatuses()))
                .map(rows -> senders(rows).stream().findFirst());
    }

    /** Every debtor with this address on one of these channels, once per case: open cases first, newest first. */
    public static Future<List<Sender>> sendersAt(SqlClient sql, List<Channel> channels, String address) {
        String[] wires = channels.stream().map(Channel::wire).toArray(String[]::new);
        return sql.preparedQuery(BY_ADDRESS).execute(Tuple.of(wires, address, openStatuses()))
                .map(InboundMessages::senders);
    }

    /** As {@link #sendersAt}, for many addresses in one statement: each address's senders, in that order. */
    public static Future<Map<String, List<Sender>>> sendersAtAll(SqlClient sql, List<Channel> channels,
                                                                Collection<String> addresses) {
        String[] wires = channels.stream().map(Channel::wire).toArray(String[]::new);
        return sql.preparedQuery(BY_ADDRESSES).execute(Tuple.of(wires, addresses.toArray(String[]::new),
                openStatuses())).map(rows -> {
                    Map<String, List<Sender>> out = new HashMap<>();
                    addresses.forEach(a -> out.put(a, new ArrayList<>()));
                    senders(rows).forEach(s -> out.get(s.address()).add(s));
                    return out;
                });
    }

    private static String[] openStatuses() {
        return EnrollmentStatus.wires(EnrollmentStatus.OPEN);
    }

    private static List<Sender> senders(RowSet<Row> rows) {
        List<Sender> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Sender(r.getString("debtor_id"), r.getString("locale"), r.getString("time_zone"),
                    r.getString("case_id"), r.getJsonObject("account"), r.getString("address"), r.getBoolean("open")));
        }
        return out;
    }
}
