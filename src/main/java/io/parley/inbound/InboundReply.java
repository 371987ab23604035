package io.parley.inbound;

import io.parley.domain.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * A debtor's reply as it arrived: on which channel, the provider's reference (deduplicates redeliveries), who sent
 * it, the text they wrote, and the attempt it answers when the channel tells (an email's Reply-To token).
 */
public record InboundReply(Channel channel, String providerRef, String from, String to, String text,
                          Instant receivedAt, UUID attemptId) {
}
