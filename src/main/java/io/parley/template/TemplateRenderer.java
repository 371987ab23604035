package io.parley.template;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a template for one context and shapes the result for its channel. Enforces the opt-out instruction:
 * the SMS notice is appended unless the text already carries it, the email footer (with the opt-out link) always.
 */
final class TemplateRenderer {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern BODY_END = Pattern.compile("(?i)</body\\s*>");

    private final OptOutNotices notices;

    TemplateRenderer(OptOutNotices notices) {
        this.notices = notices;
    }

    RenderedMessage render(MessageTemplate template, String requestedLocale, MessageContext ctx) {
        TemplateInfo info = template.info();
        LocalizedTemplate localized = template.localized(requestedLocale);
        String locale = localized.locale();
        Map<String, String> values = TemplateVariables.values(ctx, Locale.forLanguageTag(locale));
        if (template.shape() == MessageShape.SCRIPT) {
            // filled in during the call, when the debtor has keyed in a promise
            CallScript.CALL_TIME_VARIABLES.forEach(name -> values.put(name, CallScript.placeholder(name)));
        }
        Set<String> missing = new TreeSet<>(localized.required());
        if (template.shape() == MessageShape.EMAIL) {
            missing.add(TemplateVariables.OPT_OUT_LINK);
        }
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new TemplateRenderException("template '" + info.name() + "' (" + locale + ") needs "
                    + String.join(", ", missing) + ", which the message context does not provide");
        }
        Rendered parts = new Rendered(info.name(), locale, localized.render(TemplateVariables.scope(values)));
        return switch (template.shape()) {
            case TEXT -> sms(parts.text(ChannelShape.TEXT), locale);
            case SCRIPT -> parts.fields().containsKey(ChannelShape.TEXT) ? new VoiceScript(parts.text(ChannelShape.TEXT))
                    : callScript(parts, locale, ctx);
            case EMAIL -> email(parts, locale, values.get(TemplateVariables.OPT_OUT_LINK));
            case CARD -> card(parts);
            case LETTER -> new LetterContent(parts.line(ChannelShape.TITLE), parts.paragraphs(),
                    parts.text(ChannelShape.CONSEQUENCES), letterFacts(ctx, values));
        };
    }

    private static CallScript callScript(Rendered parts, String locale, MessageContext ctx) {
        Map<String, String> prompts = new java.util.LinkedHashMap<>();
        parts.fields().keySet().stream().filter(ChannelShape.of(MessageShape.SCRIPT).spoken()::contains)
                .forEach(key -> prompts.put(key, parts.text(key)));
        return new CallScript(locale, parts.optionalLine(CallScript.VOICE),
                Optional.ofNullable(parts.optionalLine(CallScript.LANGUAGE)).orElse(locale),
                ctx.account().currency(), prompts, parts.optionalLine(CallScript.SECOND_FACTOR_ANSWER));
    }

    private static LetterFacts letterFacts(MessageContext ctx, Map<String, String> values) {
        return new LetterFacts(values.get("debtor.name"), ctx.debtor().address(), values.get("account.contractNo"),
                values.get("account.amount"), ctx.account().daysPastDue(), values.get("account.dueDate"));
    }

    private SmsMessage sms(String text, String locale) {
        String notice = notices.smsNotice(locale);
        String full = text.contains(notice) ? text : text + separatorBefore(text) + notice;
        return new SmsMessage(full, SmsSegments.of(full));
    }

    private static WechatMessage card(Rendered parts) {
        Map<String, String> data = new java.util.LinkedHashMap<>();
        String prefix = ChannelShape.DATA + ".";
        parts.fields().keySet().stream().filter(key -> key.startsWith(prefix))
                .forEach(key -> data.put(key.substring(prefix.length()), parts.text(key)));
        return new WechatMessage(parts.line(ChannelShape.TITLE), parts.text(ChannelShape.BODY),
                parts.optionalLine(ChannelShape.TEMPLATE_ID), parts.optionalLine(ChannelShape.URL), data);
    }

    private EmailMessage email(Rendered parts, String locale, String optOutLink) {
        String text = parts.text(ChannelShape.TEXT) + "\n\n" + notices.emailTextFooter(locale, optOutLink);
        String html = beforeBodyEnd(parts.text(ChannelShape.HTML), notices.emailHtmlFooter(locale, optOutLink));
        return new EmailMessage(parts.line(ChannelShape.SUBJECT), text, html);
    }

    /** The footer inserted before the last closing body tag, or appended when the HTML has none. */
    private static String beforeBodyEnd(String html, String footer) {
        Matcher bodyEnd = BODY_END.matcher(html);
        int insertAt = -1;
        while (bodyEnd.find()) {
            insertAt = bodyEnd.start();
        }
        if (insertAt < 0) {
            return html + "\n" + footer;
        }
        return html.substring(0, insertAt) + footer + "\n" + html.substring(insertAt);
    }

    /**
     * Nothing between Chinese or Japanese text and the notice ("...还款。回复TD退订"); otherwise a line break, so the
     * notice never runs into a link the text ends with.
     */
    private static String separatorBefore(String text) {
        int last = text.codePointBefore(text.length());
        Character.UnicodeBlock block = Character.UnicodeBlock.of(last);
        boolean cjk = Character.UnicodeScript.of(last) == Character.UnicodeScript.HAN
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
        return cjk ? "" : "\n";
    }

    /** The rendered fields of one message, read as trimmed text, a single line or non-blank paragraphs. */
    private record Rendered(String name, String locale, Map<String, List<String>> fields) {

        String text(String key) {
            String text = fields.get(key).get(0).strip();
            if (text.isEmpty()) {
                throw new TemplateRenderException(
                        "template '" + name + "' (" + locale + ") renders an empty " + key);
            }
            return text;
        }

        String line(String key) {
            return WHITESPACE.matcher(text(key)).replaceAll(" ");
        }

        /** An optional field as one line, or null when the template does not have it or it renders empty. */
        String optionalLine(String key) {
            List<String> values = fields.get(key);
            return values == null || values.get(0).isBlank() ? null : line(key);
        }

        List<String> paragraphs() {
            List<String> paragraphs = fields.get(ChannelShape.PARAGRAPHS).stream()
                    .map(String::strip).filter(p -> !p.isEmpty()).toList();
            if (paragraphs.isEmpty()) {
                throw new TemplateRenderException("template '" + name + "' (" + locale + ") renders no paragraphs");
            }
            return paragraphs;
        }
    }
}
