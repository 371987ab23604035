package io.parley.inbound;

import io.parley.domain.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * A debtor's reply as it arrived: on which channel, the provider's reference (deduplicates redeliveries), who sent
 * it, the text they wrote, the attempt it answers when the channel tells (an email's Reply-To token), and why the
 * channel itself doubts the sender (a mail whose From the receiving relay did not authenticate), or null.
 */
public record InboundReply(Channel channel, String providerRef, String from, String to, String text,
                          Instant receivedAt, UUID attemptId, String senderDoubt) {

    /** A reply whose channel has no doubt about its sender. */
    public InboundReply(Channel channel, String providerRef, String from, String to, String text, Instant receivedAt,
                        UUID attemptId) {
        this(channel, providerRef, from, to, text, receivedAt, attemptId, null);
    }
}
