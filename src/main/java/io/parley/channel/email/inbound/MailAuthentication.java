package io.parley.channel.email.inbound;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the receiving relay's {@code Authentication-Results} header (RFC 8601) says of a mail's sender, read for one
 * question: may the From address be believed? Only the topmost header is read: the relay that received the mail
 * adds its own on top, and any below it came with the mail, written by whoever sent it. When there is none the
 * relay reports nothing and the answer is empty (the From is taken as it is); otherwise the From is believed when
 * DMARC passed, or when SPF or DKIM passed for a domain aligned with the From domain (the same domain or one under
 * it). The answer is why it is not believed, or empty.
 */
public final class MailAuthentication {
    /** The header, as {@link InboundEmail#headers()} names it. */
    public static final String HEADER = "authentication-results";
    private static final Pattern RESULT = Pattern.compile(
            "(?i)\\b(spf|dkim|dmarc)\\s*=\\s*([a-z]+)([^;]*)");
    private static final Pattern PROPERTY = Pattern.compile("(?i)\\b(smtp\\.mailfrom|header\\.d|header\\.i|header\\.from)"
            + "\\s*=\\s*\"?([^\\s;\"]+)");

    private MailAuthentication() {
    }

    /** Why the relay's results do not vouch for {@code from}; empty when they do or when there are none. */
    public static Optional<String> doubt(List<String> authenticationResults, String from) {
        if (authenticationResults == null || authenticationResults.isEmpty()) {
            return Optional.empty();
        }
        String header = authenticationResults.get(0);
        String fromDomain = domain(from);
        if (fromDomain == null) {
            return Optional.of("the From address has no domain");
        }
        Map<String, String> verdicts = new LinkedHashMap<>();
        Matcher m = RESULT.matcher(header);
        boolean alignedPass = false;
        while (m.find()) {
            String method = m.group(1).toLowerCase(Locale.ROOT);
            String result = m.group(2).toLowerCase(Locale.ROOT);
            verdicts.putIfAbsent(method, result);
            if (!result.equals("pass")) {
                continue;
            }
            if (method.equals("dmarc")) {
                return Optional.empty();
            }
            String domain = property(m.group(3));
            if (domain != null && aligned(domain, fromDomain)) {
                alignedPass = true;
            }
        }
        if (alignedPass && !"fail".equals(verdicts.get("dmarc"))) {
            return Optional.empty();
        }
        String seen = verdicts.isEmpty() ? "no spf, dkim or dmarc result"
                : verdicts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + " " + b).orElse("");
        return Optional.of("the receiving relay did not authenticate " + fromDomain + " (" + seen
                + "; neither SPF nor DKIM passed aligned with the From domain)");
    }

    private static String property(String properties) {
        Matcher m = PROPERTY.matcher(properties);
        if (!m.find()) {
            return null;
        }
        String value = m.group(2);
        int at = value.lastIndexOf('@');
        return (at >= 0 ? value.substring(at + 1) : value).toLowerCase(Locale.ROOT);
    }

    static String domain(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? null : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Alignment: the From domain itself or a domain under it. (DMARC's relaxed mode also takes a parent of the From
     * domain within its organisation; without the public suffix list that cannot be told from a registry suffix such
     * as co.uk, so a parent is not taken; DMARC's own pass covers those mails.)
     */
    private static boolean aligned(String authenticated, String fromDomain) {
        return authenticated.equals(fromDomain) || authenticated.endsWith("." + fromDomain);
    }
}
