package io.parley.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The renderer, not the template author, puts the opt-out instruction on every SMS and email. */
class TemplateOptOutTest {

    @ParameterizedTest(name = "{0}: ''{1}'' -> ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            en    | Hi {{debtor.firstName}}.                        | 'Hi Jane.\nReply STOP to opt out.'
            en    | Pay at {{links.pay}}                            | 'Pay at https://pay.example/p/7f3a\nReply STOP to opt out.'
            en    | Hi. Reply STOP to opt out.                      | Hi. Reply STOP to opt out.
            en    | Reply STOP to opt out. Hi {{debtor.firstName}}. | Reply STOP to opt out. Hi Jane.
            zh-CN | 您好，请及时还款。                                  | 您好，请及时还款。回复TD退订
            zh-CN | 您好                                             | 您好回复TD退订
            zh-CN | 请访问 {{links.pay}}                              | '请访问 https://pay.example/p/7f3a\n回复TD退订'
            zh-CN | 回复TD退订。您好                                    | 回复TD退订。您好
            fr    | Bonjour                                         | 'Bonjour\nReply STOP to opt out.'
            """)
    void smsNoticeIsAppendedOnceInTheTemplateLanguage(String locale, String body, String expected,
                                                     @TempDir Path dir) {
        String yaml = "name: t\nchannel: sms\nlocales:\n  en: |\n    " + (locale.equals("zh-CN") ? "Hi" : body)
                + "\n  zh-CN: |\n    " + (locale.equals("zh-CN") ? body : "您好") + "\n";
        TemplateCatalog catalog = TemplateFixtures.catalog(dir, "t.yaml", yaml);
        SmsMessage sms = (SmsMessage) catalog.render("t", locale, TemplateFixtures.english());
        assertEquals(expected.replace("\\n", "\n"), sms.text());
        assertEquals(SmsSegments.of(sms.text()), sms.segments());
    }

    @Test
    void emailFooterIsAlwaysAddedToTextAndHtml(@TempDir Path dir) {
        String yaml = """
                name: t
                channel: email
                locales:
                  en:
                    subject: Hello
                    text: To opt out, visit {{links.optOut}}
                    html: <html><body><p>Hello</p></BODY ></html>
                  zh-CN:
                    subject: 您好
                    text: 您好
                    html: <p>您好</p>
                """;
        TemplateCatalog catalog = TemplateFixtures.catalog(dir, "t.yaml", yaml);
        EmailMessage en = (EmailMessage) catalog.render("t", "en-US", TemplateFixtures.english());
        String link = TemplateFixtures.OPT_OUT_LINK;
        assertEquals("To opt out, visit " + link + "\n\nTo stop receiving these emails, visit " + link, en.text());
        assertEquals("<html><body><p>Hello</p><p style=\"font-size:12px;color:#666666\">To stop receiving these "
                + "emails, <a href=\"https://parley.example/o/7f3a?c=1&amp;s=sms\">unsubscribe here</a>.</p>\n"
                + "</BODY ></html>", en.html());

        EmailMessage zh = (EmailMessage) catalog.render("t", "zh-CN", TemplateFixtures.chinese());
        assertEquals("您好\n\n如不希望再收到此类邮件，请访问 " + link + " 退订。", zh.text());
        assertTrue(zh.html().startsWith("<p>您好</p>\n<p "), zh.html());
        assertTrue(zh.html().endsWith("<a href=\"https://parley.example/o/7f3a?c=1&amp;s=sms\">点击此处退订</a>。</p>"),
                zh.html());
    }

    @Test
    void emailCannotBeRenderedWithoutAnOptOutLink(@TempDir Path dir) {
        TemplateCatalog catalog = TemplateFixtures.catalog(dir, "t.yaml",
                "name: t\nchannel: email\nlocales:\n  en:\n    subject: S\n    text: T\n    html: H\n");
        MessageContext noLinks = TemplateFixtures.context("Jane Doe", "10", "USD", Map.of(), Map.of());
        TemplateRenderException e = assertThrows(TemplateRenderException.class,
                () -> catalog.render("t", "en", noLinks));
        assertTrue(e.getMessage().contains("links.optOut"), e.getMessage());
    }

    @Test
    void noticesNeedEnglishAndFootersNeedTheLink() {
        Map<String, String> sms = Map.of("en", "Reply STOP to opt out.");
        Map<String, String> footer = Map.of("en", "Unsubscribe: " + OptOutNotices.LINK);
        assertThrows(IllegalArgumentException.class,
                () -> new OptOutNotices(Map.of("zh-CN", "回复TD退订"), footer, footer));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OptOutNotices(sms, Map.of("en", "Unsubscribe anytime"), footer));
        assertTrue(e.getMessage().contains("emailText.en"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new OptOutNotices(Map.of("en", "Reply STOP", "en_US", "x"), footer, footer));
        OptOutNotices notices = new OptOutNotices(Map.of("en", "STOP to end", "zh-cn", "回复TD退订"), footer, footer);
        assertEquals("回复TD退订", notices.smsNotice("zh-CN"));
        assertEquals("STOP to end", notices.smsNotice("zh-TW"));
        assertEquals("Unsubscribe: a?b=1&amp;c=&lt;2&gt;", notices.emailHtmlFooter("en", "a?b=1&c=<2>"));
        assertEquals("Unsubscribe: a?b=1&c=<2>", notices.emailTextFooter("de", "a?b=1&c=<2>"));
    }
}
