package io.parley.channel.email.inbound;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An inbound email reduced to what reply handling needs. Built by {@link InboundEmails#parse}.
 *
 * @param from        the sender's address (From, else Sender), without display name; null when absent
 * @param to          To addresses
 * @param cc          Cc addresses
 * @param deliveredTo envelope recipients recorded by the receiving system (Delivered-To, X-Original-To, Envelope-To)
 * @param subject     decoded subject, or null
 * @param messageId   this message's Message-ID in {@code <...>} form, or null
 * @param inReplyTo   the first Message-ID in In-Reply-To, or null
 * @param references  the Message-IDs in References, oldest first as written
 * @param date        the Date header, or null when missing or unreadable
 * @param plainBody   the text/plain body (format=flowed undone), or the text of the HTML body when there is no plain
 *                    part; line breaks are {@code \n}; never null
 * @param headers     the headers classification looks at (see {@link InboundEmails#KEPT_HEADERS}), names in lower
 *                    case, values unfolded and decoded
 * @param kind        reply, auto-reply or bounce
 * @param bounce      what the bounce report says; non-null exactly when {@code kind} is {@link InboundKind#BOUNCE}
 */
public record InboundEmail(String from, List<String> to, List<String> cc, List<String> deliveredTo, String subject,
                           String messageId, String inReplyTo, List<String> references, Instant date,
                           String plainBody, Map<String, List<String>> headers, InboundKind kind, Bounce bounce) {

    public InboundEmail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        deliveredTo = List.copyOf(deliveredTo);
        references = List.copyOf(references);
        plainBody = plainBody == null ? "" : plainBody;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(kind, "kind");
        if ((kind == InboundKind.BOUNCE) != (bounce != null)) {
            throw new IllegalArgumentException("a bounce report goes with kind BOUNCE and only with it");
        }
    }

    /** The first value of a kept header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The new text the person wrote, quoted history and signature removed ({@link ReplyText#extract}). */
    public String replyText() {
        return ReplyText.extract(plainBody);
    }
}
