package io.parley.inbound;

import io.parley.domain.AddressFormat;
import io.parley.domain.Channel;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a reply may act for the contact point it concerns: only when it comes from that contact point. A reply
 * that names the attempt it answers (an email's reply address, In-Reply-To or References) must come from the address
 * that attempt went to; whoever can read a Message-ID is not the debtor. A channel may also doubt its sender itself
 * (a relay that did not authenticate the mail's From). A reply matched by its sender's address (an SMS by number)
 * acts for that address only, so it needs no check here.
 *
 * <p>Addresses are compared as their channel stores them: phone numbers as E.164 text, email addresses without
 * regard to case in the domain or in the local part (the mailbox providers debtors use treat the local part without
 * regard to case, and an address differing only in case is the same person's), display names and angle brackets
 * removed.
 */
final class SenderCheck {
    private SenderCheck() {
    }

    /** Why the reply cannot act for the address it concerns; empty when it can. */
    static Optional<String> doubt(InboundReply reply, String address) {
        if (reply.senderDoubt() != null) {
            return Optional.of(reply.senderDoubt());
        }
        if (reply.attemptId() == null || address == null) {
            return Optional.empty();
        }
        if (reply.from() == null || reply.from().isBlank()) {
            return Optional.of("the reply names no sender");
        }
        if (!same(reply.channel(), reply.from(), address)) {
            return Optional.of("sent from " + reply.from() + ", not from " + address
                    + ", the address the attempt it answers went to");
        }
        return Optional.empty();
    }

    static boolean same(Channel channel, String a, String b) {
        if (channel.format() == AddressFormat.EMAIL) {
            return bare(a).equalsIgnoreCase(bare(b));
        }
        return a.strip().equals(b.strip());
    }

    private static String bare(String address) {
        String s = address.strip();
        int open = s.lastIndexOf('<');
        int close = s.lastIndexOf('>');
        if (open >= 0 && close > open) {
            s = s.substring(open + 1, close);
        }
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
