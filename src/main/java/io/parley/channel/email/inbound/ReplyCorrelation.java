package io.parley.channel.email.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which attempt an inbound email answers. Outbound mail names the attempt twice: its Reply-To is
 * {@code reply+<attempt id, 32 hex>@<reply domain>} and its Message-ID {@code <attempt id@reply domain>}.
 *
 * <p>Looked for in this order: for a bounce, the returned message's Message-ID; then a reply address among To, Cc
 * and Delivered-To (To first); then In-Reply-To; then References, newest first. Only ids under the given reply domain
 * count (case-insensitive); anything else (another system's Message-ID, a malformed token) is ignored.
 */
public final class ReplyCorrelation {
    private static final Pattern REPLY_ADDRESS = Pattern.compile("^reply\\+([0-9a-f]{32})@(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTEMPT_MESSAGE_ID = Pattern.compile(
            "^<?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@([^>]+)>?$", Pattern.CASE_INSENSITIVE);

    /** How the attempt was found, for the timeline. */
    public enum Via {
        /** the returned message's Message-ID in a bounce report */
        BOUNCED_MESSAGE_ID,
        /** a reply+ address among To, Cc or Delivered-To */
        REPLY_ADDRESS,
        IN_REPLY_TO,
        REFERENCES
    }

    /**
     * @param attemptId the attempt answered
     * @param via       where it was found
     * @param evidence  the address or Message-ID it was read from
     */
    public record Match(UUID attemptId, Via via, String evidence) {
    }

    private ReplyCorrelation() {
    }

    /** The attempt the email answers and how that was found; empty when nothing in it names one of ours. */
    public static Optional<Match> match(InboundEmail email, String replyDomain) {
        Objects.requireNonNull(email, "email");
        String domain = normalizeDomain(Objects.requireNonNull(replyDomain, "replyDomain"));
        if (email.bounce() != null) {
            String original = email.bounce().originalMessageId();
            Optional<UUID> id = fromMessageId(original, domain);
            if (id.isPresent()) {
                return Optional.of(new Match(id.get(), Via.BOUNCED_MESSAGE_ID, original));
            }
        }
        List<String> recipients = new ArrayList<>(email.to());
        recipients.addAll(email.cc());
        recipients.addAll(email.deliveredTo());
        for (String address : recipients) {
            Optional<UUID> id = fromReplyAddress(address, domain);
            if (id.isPresent()) {
                return Optional.of(new Match(id.get(), Via.REPLY_ADDRESS, address));
            }
        }
        Optional<UUID> inReplyTo = fromMessageId(email.inReplyTo(), domain);
        if (inReplyTo.isPresent()) {
            return Optional.of(new Match(inReplyTo.get(), Via.IN_REPLY_TO, email.inReplyTo()));
        }
        List<String> references = email.references();
        for (int i = references.size() - 1; i >= 0; i--) {
            Optional<UUID> id = fromMessageId(references.get(i), domain);
            if (id.isPresent()) {
                return Optional.of(new Match(id.get(), Via.REFERENCES, references.get(i)));
            }
        }
        return Optional.empty();
    }

    /** Just the attempt id; see {@link #match}. */
    public static Optional<UUID> attemptId(InboundEmail email, String replyDomain) {
        return match(email, replyDomain).map(Match::attemptId);
    }

    /** {@code reply+<32 hex>@<domain>} -> the attempt id; anything else -> empty. */
    public static Optional<UUID> fromReplyAddress(String address, String replyDomain) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = REPLY_ADDRESS.matcher(address.trim());
        if (!m.matches() || !normalizeDomain(m.group(2)).equals(normalizeDomain(replyDomain))) {
            return Optional.empty();
        }
        String hex = m.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16)
                + "-" + hex.substring(16, 20) + "-" + hex.substring(20)));
    }

    /** {@code <uuid@domain>} -> the attempt id; anything else -> empty. */
    public static Optional<UUID> fromMessageId(String messageId, String replyDomain) {
        if (messageId == null) {
            return Optional.empty();
        }
        Matcher m = ATTEMPT_MESSAGE_ID.matcher(messageId.trim());
        if (!m.matches() || !normalizeDomain(m.group(2)).equals(normalizeDomain(replyDomain))) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(m.group(1)));
    }

    private static String normalizeDomain(String domain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }
}
