package io.parley.inbound;

import io.parley.domain.Channel;
import io.parley.store.InboundMessages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whom a reply is from and which cases it concerns: the attempt it answers when known; otherwise every debtor with
 * that phone number or address, and their open cases (their most recent case when none is open).
 */
final class ReplyTargets {

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
            return InboundMessages.senderOf(sql, reply.attemptId()).compose(sender -> sender.isPresent()
                    ? Future.succeededFuture(targets(List.of(sender.get()), defaultZone, sender.get().address()))
                    : byAddress(sql, reply, defaultZone));
        }
        return byAddress(sql, reply, defaultZone);
    }

    /**
     * As {@link #find}, for many replies: those that name no attempt looked up by address in one statement per kind
     * of address they came from, the others one by one; the statements go out at once. Answers in order.
     */
    static Future<List<Targets>> findAll(SqlClient sql, List<InboundReply> replies, ZoneId defaultZone) {
        Map<List<Channel>, Set<String>> addresses = new LinkedHashMap<>();
        for (InboundReply r : replies) {
            if (r.attemptId() == null && r.from() != null) {
                addresses.computeIfAbsent(reaching(r), k -> new LinkedHashSet<>()).add(r.from());
            }
        }
        Map<List<Channel>, Future<Map<String, List<InboundMessages.Sender>>>> found = new HashMap<>();
        addresses.forEach((channels, at) -> found.put(channels, InboundMessages.sendersAtAll(sql, channels, at)));
        List<Future<Targets>> each = new ArrayList<>(replies.size());
        for (InboundReply r : replies) {
            each.add(r.attemptId() == null && r.from() != null
                    ? found.get(reaching(r)).map(senders -> byAddress(senders.get(r.from()), defaultZone, r.from()))
                    : find(sql, r, defaultZone));
        }
        return Future.all(each).map(v -> each.stream().map(Future::result).toList());
    }

    private static Future<Targets> byAddress(SqlClient sql, InboundReply reply, ZoneId defaultZone) {
        return InboundMessages.sendersAt(sql, reaching(reply), reply.from())
                .map(senders -> byAddress(senders, defaultZone, reply.from()));
    }

    /** The channels whose contact points a reply's address may be: SMS and calls share phone numbers. */
    private static List<Channel> reaching(InboundReply reply) {
        return reply.channel() == Channel.SMS || reply.channel() == Channel.VOICE
                ? List.of(Channel.SMS, Channel.VOICE) : List.of(reply.channel());
    }

    /** Their open cases, else their most recent case. */
    private static Targets byAddress(List<InboundMessages.Sender> senders, ZoneId defaultZone, String address) {
        List<InboundMessages.Sender> open = senders.stream().filter(InboundMessages.Sender::open).toList();
        return targets(open.isEmpty() ? senders.stream().limit(1).toList() : open, defaultZone, address);
    }

    private static Targets targets(List<InboundMessages.Sender> senders, ZoneId defaultZone, String address) {
        Set<String> debtors = new LinkedHashSet<>();
        Set<String> cases = new LinkedHashSet<>();
        String locale = null;
        ZoneId zone = null;
        JsonObject account = null;
        for (InboundMessages.Sender s : senders) {
            debtors.add(s.debtorId());
            cases.add(s.caseId());
            if (locale == null) {
                locale = s.locale();
                zone = ZoneId.of(s.timeZone());
                account = s.account();
            }
        }
        return new Targets(List.copyOf(debtors), locale == null ? "en" : locale, zone == null ? defaultZone : zone,
                List.copyOf(cases), account, address);
    }
}
