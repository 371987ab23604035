package io.parley.channel.email;

import io.parley.channel.InboundInbox;
import io.parley.channel.email.inbound.InboundEmail;
import io.parley.channel.email.inbound.InboundEmails;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An inbound email as it is stored before it is read: the raw message, kept once per Message-ID (so a reply, an
 * auto-reply or a bounce delivered twice is acted on once), or per digest of its bytes when it has none. Reading it
 * (MIME parsing, on a worker thread) and acting on it come after; a message that cannot be parsed is quarantined.
 */
final class RawMail {
    private RawMail() {
    }

    /** The message's Message-ID, or "sha256:" and the digest of its bytes. */
    static String dedupeKey(byte[] raw) {
        try {
            String id = new InternetHeaders(new ByteArrayInputStream(raw)).getHeader("Message-ID", null);
            if (id != null && !id.isBlank()) {
                return id.trim();
            }
        } catch (MessagingException | RuntimeException e) {
            // no readable headers: the digest names it
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject payload(byte[] raw) {
        return new JsonObject().put("rfc822", Base64.getEncoder().encodeToString(raw));
    }

    /** What is done with a stored email: parsed on a worker thread, then taken as a reply, auto-reply or bounce. */
    static InboundInbox.Work work(Vertx vertx, EmailReplies replies) {
        return (payload, receivedAt) -> {
            byte[] raw = Base64.getDecoder().decode(payload.getString("rfc822"));
            return vertx.<Optional<InboundEmail>>executeBlocking(() -> parse(raw), false).compose(email -> email.isEmpty()
                    ? Future.succeededFuture(InboundInbox.Handled.quarantine("unreadable: not an email message"))
                    : replies.receive(email.get()).map(takenAs -> InboundInbox.Handled.done(takenAs, Optional.empty())))
                    .recover(e -> e instanceof UnreadableMail
                            ? Future.succeededFuture(InboundInbox.Handled.quarantine("unreadable: " + e.getMessage()))
                            : Future.failedFuture(e));
        };
    }

    private static Optional<InboundEmail> parse(byte[] raw) {
        try {
            if (new String(raw, 0, Math.min(raw.length, 4096), StandardCharsets.ISO_8859_1).indexOf(':') < 0) {
                return Optional.empty();
            }
            InboundEmail email = InboundEmails.parse(raw);
            if (!usableSender(email.from())) {
                throw new UnreadableMail("no usable From address");
            }
            return Optional.of(email);
        } catch (UnreadableMail e) {
            throw e;
        } catch (MessagingException | RuntimeException e) {
            throw new UnreadableMail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** An address a reply can be from: one @ with something either side, no control character, at most 254 long. */
    static boolean usableSender(String from) {
        if (from == null || from.length() > 254) {
            return false;
        }
        int at = from.lastIndexOf('@');
        return at > 0 && at < from.length() - 1 && from.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f);
    }

    /** A message MIME parsing gave up on. */
    private static final class UnreadableMail extends RuntimeException {
        UnreadableMail(String message) {
            super(message, null, false, false);
        }
    }
}
