package io.parley.reply;

import io.parley.domain.Channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A classification as the API and the timeline show it, as plain maps and lists (JSON-ready): intent,
 * secondaryIntent, matched, reasons, optOut (what it stops), promise and review.
 */
public final class ClassificationWire {
    private ClassificationWire() {
    }

    /** The classification; {@code arrivedOn}, when known, resolves an opt-out of "the channel it came on". */
    public static Map<String, Object> of(Classification c, Channel arrivedOn) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("intent", c.intent().wire());
        out.put("secondaryIntent", c.secondary().map(ReplyIntent::wire).orElse(null));
        out.put("matched", c.matched());
        out.put("reasons", List.copyOf(c.reasons()));
        c.optOut().ifPresent(scope -> out.put("optOut", optOut(scope, arrivedOn)));
        c.promise().ifPresent(p -> {
            Map<String, Object> promise = new LinkedHashMap<>();
            promise.put("amount", p.explicitAmount().map(BigDecimal::toPlainString).orElse(null));
            promise.put("fractionOfBalance", p.fraction().map(BigDecimal::toPlainString).orElse(null));
            promise.put("date", p.promisedDate().map(LocalDate::toString).orElse(null));
            promise.put("amountText", p.amountText());
            promise.put("dateText", p.dateText());
            out.put("promise", promise);
        });
        c.review().ifPresent(r -> out.put("review", r));
        return out;
    }

    /** {"scope": "all" | "channels" | "reply_channel", "channels": [...]}: the channels stopped, when known. */
    static Map<String, Object> optOut(OptOutScope scope, Channel arrivedOn) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scope", scope.everything() ? "all" : scope.replyChannel() ? "reply_channel" : "channels");
        TreeSet<String> channels = new TreeSet<>();
        if (!scope.everything() && (arrivedOn != null || !scope.replyChannel())) {
            scope.channels(arrivedOn).forEach(ch -> channels.add(ch.wire()));
        }
        out.put("channels", List.copyOf(channels));
        return out;
    }
}
