package io.parley.channel;

import io.parley.domain.Channel;
import io.parley.template.RenderedMessage;

import java.util.Map;
import java.util.UUID;

/**
 * One committed attempt handed to its channel's sender: who to contact, what to say, the link that opts this
 * contact point out (for email's List-Unsubscribe header), the message the step may leave on an answering machine
 * (a call's limited-content voicemail; null when it names none), and the facts of the policy's decision that allowed
 * it (packs, candidate zones, and for a call what the packs ask of it).
 */
public record Outbound(UUID attemptId, String caseId, Channel channel, String to, String locale,
                       RenderedMessage message, String optOutUrl, RenderedMessage voicemail,
                       Map<String, Object> decision) {

    public Outbound {
        // facts may hold null values (a fact the policy could not establish), which Map.copyOf refuses
        decision = decision == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(decision));
    }

    /** An attempt with no voicemail and no decision facts to pass on. */
    public Outbound(UUID attemptId, String caseId, Channel channel, String to, String locale, RenderedMessage message,
                    String optOutUrl) {
        this(attemptId, caseId, channel, to, locale, message, optOutUrl, null, Map.of());
    }
}
