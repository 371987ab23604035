package io.parley.inbound;

import io.parley.domain.Channel;
import io.parley.store.InboundMessages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
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

    private static Future<Targets> byAddress(SqlClient sql, InboundReply reply, ZoneId defaultZone) {
        List<Channel> channels = reply.channel() == Channel.SMS || reply.channel() == Channel.VOICE
                ? List.of(Channel.SMS, Channel.VOICE) : List.of(reply.channel());
        return InboundMessages.sendersAt(sql, channels, reply.from()).map(senders -> {
            List<InboundMessages.Sender> open = senders.stream().filter(InboundMessages.Sender::open).toList();
            return targets(open.isEmpty() ? senders.stream().limit(1).toList() : open, defaultZone, reply.from());
        });
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
