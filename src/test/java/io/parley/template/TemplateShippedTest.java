package io.parley.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.domain.Channel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The templates shipped in conf/templates: complete, valid and rendering in en and zh-CN. */
class TemplateShippedTest {

    private static final TemplateCatalog CATALOG =
            TemplateCatalog.loadDirectory(Path.of("conf", "templates"), OptOutNotices.defaults(), TemplateFixtures.SHAPES);
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private static final Map<String, Channel> SHIPPED = Map.ofEntries(
            Map.entry("demo-sms-1", Channel.SMS), Map.entry("demo-email", Channel.EMAIL),
            Map.entry("demo-sms-2", Channel.SMS), Map.entry("pre-due-sms", Channel.SMS),
            Map.entry("pre-due-email", Channel.EMAIL), Map.entry("due-today-sms", Channel.SMS),
            Map.entry("m1-sms-1", Channel.SMS), Map.entry("m1-email-1", Channel.EMAIL),
            Map.entry("m1-ivr", Channel.VOICE), Map.entry("m1-sms-2", Channel.SMS),
            Map.entry("m1-letter", Channel.LETTER), Map.entry("m2-letter", Channel.LETTER),
            Map.entry("m2-email", Channel.EMAIL), Map.entry("m2-ivr", Channel.VOICE),
            Map.entry("m2-sms", Channel.SMS), Map.entry("third-party-callback-sms", Channel.SMS),
            Map.entry("voicemail-callback", Channel.VOICE), Map.entry("demo-wechat-1", Channel.WECHAT),
            Map.entry("demo-wechat-2", Channel.WECHAT));

    static Stream<Arguments> renderings() {
        return SHIPPED.keySet().stream().sorted().flatMap(name -> Stream.of(
                Arguments.of(name, "en", TemplateFixtures.english()),
                Arguments.of(name, "zh-CN", TemplateFixtures.chinese())));
    }

    @Test
    void everyNamedTemplateIsShippedOnItsChannelInEnAndZhCn() {
        assertEquals(SHIPPED.keySet(), CATALOG.names());
        SHIPPED.forEach((name, channel) -> {
            assertTrue(CATALOG.has(name, channel), name);
            assertEquals(Set.of("en", "zh-CN"), CATALOG.info(name).orElseThrow().locales(), name);
        });
    }

    @Test
    void onlyTheCallbackTemplatesAreSafeForThirdPartiesOrVoicemail() {
        TemplateInfo thirdParty = CATALOG.info("third-party-callback-sms").orElseThrow();
        assertTrue(thirdParty.thirdPartySafe());
        TemplateInfo voicemail = CATALOG.info("voicemail-callback").orElseThrow();
        assertTrue(voicemail.limitedContent());
        assertFalse(voicemail.thirdPartySafe());
        assertFalse(CATALOG.info("m1-sms-1").orElseThrow().thirdPartySafe());
        assertFalse(CATALOG.info("m1-ivr").orElseThrow().limitedContent());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("renderings")
    void rendersCompletelyInTheRequestedLanguage(String name, String locale, MessageContext ctx) {
        RenderedMessage message = CATALOG.render(name, locale, ctx);
        Class<? extends RenderedMessage> expected = name.endsWith("-ivr") ? CallScript.class
                : expectedType(SHIPPED.get(name));
        assertInstanceOf(expected, message);
        for (String text : texts(message)) {
            assertFalse(text.isBlank(), name);
            assertFalse(text.contains("{{") || text.contains("}}"), text);
            assertEquals(locale.equals("zh-CN"), HAN.matcher(text).find(), locale + ": " + text);
        }
        assertTrue(String.join("\n", texts(message)).contains("Acme Finance"), "names the company: " + name);
        if (message instanceof SmsMessage sms) {
            String notice = OptOutNotices.defaults().smsNotice(locale);
            assertTrue(sms.text().endsWith(notice), sms.text());
            assertTrue(sms.segments().segments() <= 3, sms.text() + " -> " + sms.segments());
        }
        if (message instanceof EmailMessage email) {
            assertTrue(email.text().contains(TemplateFixtures.OPT_OUT_LINK), email.text());
            assertTrue(email.html().contains("https://parley.example/o/7f3a?c=1&amp;s=sms"), email.html());
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("renderings")
    void safeTemplatesDiscloseNoDebt(String name, String locale, MessageContext ctx) {
        TemplateInfo info = CATALOG.info(name).orElseThrow();
        String all = String.join("\n", texts(CATALOG.render(name, locale, ctx)));
        boolean safe = info.thirdPartySafe() || info.limitedContent();
        boolean disclosesAccount = all.contains("1,234.50") || all.contains("4417") || all.contains("2026");
        assertEquals(!safe, disclosesAccount, all);
        if (safe) {
            assertTrue(all.contains("+1 800 555 0100"), "asks for a call back: " + all);
        }
    }

    private static Class<? extends RenderedMessage> expectedType(Channel channel) {
        return switch (TemplateFixtures.SHAPES.get(channel)) {
            case TEXT -> SmsMessage.class;
            case EMAIL -> EmailMessage.class;
            case SCRIPT -> VoiceScript.class;
            case CARD -> WechatMessage.class;
            case LETTER -> LetterContent.class;
        };
    }

    static List<String> texts(RenderedMessage message) {
        if (message instanceof SmsMessage sms) {
            return List.of(sms.text());
        }
        if (message instanceof EmailMessage email) {
            return List.of(email.subject(), email.text(), email.html());
        }
        if (message instanceof VoiceScript voice) {
            return List.of(voice.text());
        }
        if (message instanceof CallScript call) {
            // the read-back as the call says it, once a promise is keyed in
            return call.prompts().keySet().stream().map(key -> key.equals(CallScript.PROMISE_CONFIRM)
                    ? call.readBack(new java.math.BigDecimal("500"), java.time.LocalDate.of(2026, 12, 5))
                    : call.prompts().get(key)).toList();
        }
        if (message instanceof WechatMessage wechat) {
            return List.of(wechat.title(), wechat.body());
        }
        LetterContent letter = (LetterContent) message;
        return Stream.concat(Stream.of(letter.title(), letter.consequences()), letter.paragraphs().stream()).toList();
    }
}
