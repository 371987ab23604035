package io.parley.store;

import io.parley.domain.Channel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Messages from debtors (replies on any channel), each recorded once per channel and provider reference, and the
 * lookups that tell whom one is from: the attempt it answers, or every debtor with the address it came from.
 */
public final class InboundMessages {
    private static final String RECORD = """
            INSERT INTO inbound_message (id, channel, provider_ref, from_address, to_address, body, debtor_ids, case_ids,
                                         intent, classification, received_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (channel, provider_ref) DO NOTHING""";
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
