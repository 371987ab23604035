package io.parley.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.domain.Channel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateCatalogTest {

    private static final String VOICE = """
            name: v
            channel: voice
            locales:
              en: EN {{account.dueDate}}
              zh: ZH {{account.dueDate}}
              zh-CN: ZHCN {{account.dueDate}}
              fr: FR {{account.dueDate}}
            """;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            zh-CN      | ZHCN 2026年11月30日
            zh-cn      | ZHCN 2026年11月30日
            zh-TW      | ZH 2026年11月30日
            zh-Hant-TW | ZH 2026年11月30日
            zh         | ZH 2026年11月30日
            fr-CA      | FR 30 novembre 2026
            FR         | FR 30 novembre 2026
            de-DE      | EN November 30, 2026
            en-GB      | EN November 30, 2026
            not_a_tag  | EN November 30, 2026
            null       | EN November 30, 2026
            """)
    void localeFallsBackToLanguageThenEnglish(String requested, String expected, @TempDir Path dir) {
        TemplateCatalog catalog = TemplateFixtures.catalog(dir, "v.yaml", VOICE);
        assertEquals(expected, ((VoiceScript) catalog.render("v", requested, TemplateFixtures.english())).text());
    }

    @Test
    void describesTemplates(@TempDir Path dir) {
        TemplateCatalog catalog = TemplateFixtures.catalog(dir, "v.yaml", VOICE);
        assertTrue(catalog.has("v", Channel.VOICE));
        assertFalse(catalog.has("v", Channel.SMS));
        assertFalse(catalog.has("w", Channel.VOICE));
        TemplateInfo info = catalog.info("v").orElseThrow();
        assertEquals(new TemplateInfo("v", Channel.VOICE, false, false, Set.of("en", "fr", "zh", "zh-CN")), info);
        assertEquals("zh", info.localeFor("zh-SG"));
        assertTrue(catalog.info("w").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> catalog.render("w", "en", TemplateFixtures.english()));
    }

    @Test
    void valuesAreHtmlEscapedInHtmlOnly(@TempDir Path dir) {
        TemplateCatalog catalog = TemplateFixtures.catalog(dir, "e.yaml", """
                name: e
                channel: email
                locales:
                  en:
                    subject: |
                      For {{debtor.name}}
                      {{variables.ref}}
                    text: Dear {{debtor.name}}
                    html: <p>Dear {{debtor.name}}</p>
                """);
        MessageContext ctx = TemplateFixtures.context("Tom & <Jerry>", "5", "USD",
                Map.of("ref", "A\r\nBcc: x@example.com"), Map.of(MessageContext.OPT_OUT_LINK, "https://o.example/1"));
        EmailMessage email = (EmailMessage) catalog.render("e", "en", ctx);
        assertEquals("For Tom & <Jerry> A Bcc: x@example.com", email.subject());
        assertTrue(email.text().startsWith("Dear Tom & <Jerry>\n\n"), email.text());
        assertTrue(email.html().startsWith("<p>Dear Tom &amp; &lt;Jerry&gt;</p>"), email.html());
    }

    @Test
    void sectionsMakeValuesOptionalWhilePlainValuesAreRequired(@TempDir Path dir) {
        TemplateCatalog catalog = TemplateFixtures.catalog(dir, "s.yaml", """
                name: s
                channel: voice
                locales:
                  en: >-
                    Hello {{debtor.firstName}}.{{#variables.agent}} I am {{variables.agent}}.{{/variables.agent}}
                    {{^links.pay}}Call {{company.phone}}.{{/links.pay}}
                """);
        MessageContext withAgent = TemplateFixtures.context("Jane Doe", "5", "USD", Map.of("agent", "Sam"), Map.of());
        assertEquals(new VoiceScript("Hello Jane. I am Sam. Call +1 800 555 0100."),
                catalog.render("s", "en", withAgent));
        assertEquals(new VoiceScript("Hello Jane."), catalog.render("s", "en", TemplateFixtures.english()));

        TemplateCatalog strict = TemplateFixtures.catalog(dir, "s.yaml",
                "name: s\nchannel: voice\nlocales:\n  en: Ref {{variables.ref}} due {{account.dueDate}}\n");
        TemplateRenderException e = assertThrows(TemplateRenderException.class,
                () -> strict.render("s", "en", TemplateFixtures.english()));
        assertEquals("template 's' (en) needs variables.ref, which the message context does not provide",
                e.getMessage());
    }

    @Test
    void rendersWechatAndLetterShapes(@TempDir Path dir) {
        TemplateFixtures.write(dir, "w.yaml", """
                name: w
                channel: wechat
                locales:
                  en:
                    title: Reminder from {{company.name}}
                    body: |
                      Hi {{debtor.firstName}},
                      {{account.amount}} is due.
                """);
        TemplateFixtures.write(dir, "l.yaml", """
                name: l
                channel: letter
                locales:
                  en:
                    title: Contract {{account.contractNo}}
                    paragraphs:
                      - Dear {{debtor.name}},
                      - "{{#variables.note}}{{variables.note}}{{/variables.note}}"
                      - |
                        Please call {{company.phone}}.
                    consequences: Late fees apply.
                """);
        TemplateCatalog catalog = TemplateCatalog.loadDirectory(dir, OptOutNotices.defaults(), TemplateFixtures.SHAPES);
        assertEquals(new WechatMessage("Reminder from Acme Finance", "Hi 张伟,\nCN¥1,234.50 is due."),
                catalog.render("w", "zh-CN", TemplateFixtures.chinese()));
        LetterContent letter = (LetterContent) catalog.render("l", "en", TemplateFixtures.english());
        assertEquals("Contract LN-2026-004417", letter.title());
        assertEquals(List.of("Dear Jane Doe,", "Please call +1 800 555 0100."), letter.paragraphs());
        assertEquals("Late fees apply.", letter.consequences());
        assertEquals("LN-2026-004417", letter.facts().contractNo());
    }

    @Test
    void emptyRenderingIsAnError(@TempDir Path dir) {
        TemplateCatalog catalog = TemplateFixtures.catalog(dir, "s.yaml",
                "name: s\nchannel: voice\nlocales:\n  en: \"{{#variables.x}}{{variables.x}}{{/variables.x}}\"\n");
        TemplateRenderException e = assertThrows(TemplateRenderException.class,
                () -> catalog.render("s", "en", TemplateFixtures.english()));
        assertTrue(e.getMessage().contains("renders an empty text"), e.getMessage());
    }
}
