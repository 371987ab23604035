package io.parley.channel;

import io.parley.domain.Channel;
import io.parley.template.RenderedMessage;

import java.util.UUID;

/**
 * One committed attempt handed to its channel's sender: who to contact, what to say, and the link that opts this
 * contact point out (for email's List-Unsubscribe header).
 */
public record Outbound(UUID attemptId, String caseId, Channel channel, String to, String locale,
                       RenderedMessage message, String optOutUrl) {
}
