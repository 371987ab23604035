package io.parley.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The opt-out instructions the renderer adds to every SMS and email, per locale (BCP 47 tags; "en" is required and is
 * the last fallback). Email footers must contain {@value #LINK} where the opt-out link goes; it is HTML-escaped in the
 * HTML footer.
 */
public record OptOutNotices(Map<String, String> sms, Map<String, String> emailText, Map<String, String> emailHtml) {

    /** Where an email footer puts the recipient's opt-out link. */
    public static final String LINK = "{{links.optOut}}";

    public OptOutNotices {
        sms = canonicalKeys("sms", sms, false);
        emailText = canonicalKeys("emailText", emailText, true);
        emailHtml = canonicalKeys("emailHtml", emailHtml, true);
    }

    /** "Reply STOP to opt out." / "回复TD退订" and email footers with an unsubscribe link, in en and zh-CN. */
    public static OptOutNotices defaults() {
        String style = "<p style=\"font-size:12px;color:#666666\">";
        return new OptOutNotices(
                Map.of("en", "Reply STOP to opt out.",
                        "zh-CN", "回复TD退订"),
                Map.of("en", "To stop receiving these emails, visit " + LINK,
                        "zh-CN", "如不希望再收到此类邮件，请访问 " + LINK + " 退订。"),
                Map.of("en", style + "To stop receiving these emails, " + anchor("unsubscribe here") + ".</p>",
                        "zh-CN", style + "如不希望再收到此类邮件，请" + anchor("点击此处退订") + "。</p>"));
    }

    private static String anchor(String label) {
        return "<a href=\"" + LINK + "\">" + label + "</a>";
    }

    /** The SMS opt-out instruction for the locale. */
    public String smsNotice(String locale) {
        return sms.get(LocaleTags.resolve(locale, sms.keySet()));
    }

    /** The plain-text email footer for the locale, with the opt-out link. */
    public String emailTextFooter(String locale, String optOutLink) {
        return emailText.get(LocaleTags.resolve(locale, emailText.keySet())).replace(LINK, optOutLink);
    }

    /** The HTML email footer for the locale, with the opt-out link HTML-escaped. */
    public String emailHtmlFooter(String locale, String optOutLink) {
        return emailHtml.get(LocaleTags.resolve(locale, emailHtml.keySet())).replace(LINK, escapeHtml(optOutLink));
    }

    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, String> canonicalKeys(String field, Map<String, String> notices, boolean needsLink) {
        Objects.requireNonNull(notices, field);
        Map<String, String> result = new LinkedHashMap<>();
        notices.forEach((tag, text) -> {
            String locale = LocaleTags.canonical(tag).orElseThrow(() ->
                    new IllegalArgumentException(field + ": '" + tag + "' is not a BCP 47 language tag"));
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(field + "." + locale + ": notice is empty");
            }
            if (needsLink && !text.contains(LINK)) {
                throw new IllegalArgumentException(field + "." + locale + ": footer must contain " + LINK);
            }
            result.put(locale, text.strip());
        });
        if (!result.containsKey(LocaleTags.DEFAULT)) {
            throw new IllegalArgumentException(field + ": locale '" + LocaleTags.DEFAULT + "' is required");
        }
        return Map.copyOf(result);
    }
}
