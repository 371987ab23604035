package io.parley.inbound;

import io.parley.domain.Channel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whom a reply is from and which cases it concerns: the attempt it answers when known; otherwise every debtor with
 * that phone number or address, and their open cases (their most recent case when none is open).
 */
final class ReplyTargets {
    private static final String BY_ATTEMPT = """
            SELECT a.debtor_id, d.locale, e.time_zone, a.case_id, e.account, a.contact_address FROM attempt a
            JOIN debtor d ON d.id = a.debtor_id JOIN enrollment e ON e.id = a.enrollment_id WHERE a.id = $1""";
    private static final String BY_ADDRESS = """
            SELECT DISTINCT cp.debtor_id, d.locale, e.time_zone, e.case_id, e.account, e.created_at,
                   e.status IN ('active', 'paused') AS open
            FROM contact_point cp JOIN debtor d ON d.id = cp.debtor_id
            JOIN enrollment e ON e.debtor_id = cp.debtor_id
            WHERE cp.channel = ANY($1) AND cp.address = $2
            ORDER BY open DESC, e.created_at DESC""";

    /**
     * Who the reply is from: their locale and zone, the cases (with their accounts) it applies to, and the contact
     * point it came from as we store it (the attempt's address when the reply names its attempt).
     */
    record Targets(List<String> debtorIds, String locale, ZoneId zone, List<String> caseIds, JsonObject account,
                   String address) {
        boolean known() {
            return !debtorIds.isEmpty();
        }
    }

    private ReplyTargets() {
    }

    static Future<Targets> find(SqlClient sql, InboundReply reply, ZoneId defaultZone) {
        if (reply.attemptId() != null) {
            return sql.preparedQuery(BY_ATTEMPT).execute(Tuple.of(reply.attemptId())).compose(rows -> rows.size() > 0
                    ? Future.succeededFuture(targets(rows, defaultZone, rows.iterator().next().getString("contact_address")))
                    : byAddress(sql, reply, defaultZone));
        }
        return byAddress(sql, reply, defaultZone);
    }

    private static Future<Targets> byAddress(SqlClient sql, InboundReply reply, ZoneId defaultZone) {
        String[] channels = reply.channel() == Channel.SMS || reply.channel() == Channel.VOICE
                ? new String[]{"sms", "voice"} : new String[]{reply.channel().wire()};
        return sql.preparedQuery(BY_ADDRESS).execute(Tuple.of(channels, reply.from())).map(rows -> {
            List<Row> open = new ArrayList<>();
            rows.forEach(r -> {
                if (r.getBoolean("open")) {
                    open.add(r);
                }
            });
            if (!open.isEmpty()) {
                return targets(open, defaultZone, reply.from());
            }
            List<Row> latest = new ArrayList<>();
            rows.forEach(r -> {
                if (latest.isEmpty()) {
                    latest.add(r);
                }
            });
            return targets(latest, defaultZone, reply.from());
        });
    }

    private static Targets targets(Iterable<Row> rows, ZoneId defaultZone, String address) {
        Set<String> debtors = new LinkedHashSet<>();
        Set<String> cases = new LinkedHashSet<>();
        String locale = null;
        ZoneId zone = null;
        JsonObject account = null;
        for (Row r : rows) {
            debtors.add(r.getString("debtor_id"));
            cases.add(r.getString("case_id"));
            if (locale == null) {
                locale = r.getString("locale");
                zone = ZoneId.of(r.getString("time_zone"));
                account = r.getJsonObject("account");
            }
        }
        return new Targets(List.copyOf(debtors), locale == null ? "en" : locale, zone == null ? defaultZone : zone,
                List.copyOf(cases), account, address);
    }

}
