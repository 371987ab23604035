package io.parley.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A card may name the official-account template it goes out as, the link it opens and the template's data. */
class WechatTemplateTest {

    @Test
    void rendersTemplateIdUrlAndDataInOrder(@TempDir Path dir) {
        TemplateFixtures.write(dir, "w.yaml", """
                name: w
                channel: wechat
                locales:
                  en:
                    title: Reminder from {{company.name}}
                    body: "{{account.amount}} is due."
                    templateId: TM-REMIND-EN
                    url: "{{links.pay}}"
                    data:
                      first: Hi {{debtor.firstName}}
                      keyword1: "{{account.amount}}"
                      remark: Call {{company.phone}}
                """);
        TemplateCatalog catalog = TemplateCatalog.loadDirectory(dir, OptOutNotices.defaults(), TemplateFixtures.SHAPES);
        WechatMessage message = (WechatMessage) catalog.render("w", "en", TemplateFixtures.english());
        assertEquals("TM-REMIND-EN", message.templateId());
        assertEquals(TemplateFixtures.PAY_LINK, message.url());
        Map<String, String> data = new LinkedHashMap<>();
        data.put("first", "Hi Jane");
        data.put("keyword1", "$1,234.50");
        data.put("remark", "Call +1 800 555 0100");
        assertEquals(data, message.data());
        assertEquals(List.of("first", "keyword1", "remark"), List.copyOf(message.data().keySet()));
        assertEquals(Map.of("first", "Hi Jane", "keyword1", "$1,234.50", "remark", "Call +1 800 555 0100"),
                message.record().get("data"));
    }

    @Test
    void withoutThemItIsTitleAndBody(@TempDir Path dir) {
        TemplateFixtures.write(dir, "w.yaml", """
                name: w
                channel: wechat
                locales:
                  en:
                    title: T
                    body: B
                """);
        WechatMessage message = (WechatMessage) TemplateCatalog.loadDirectory(dir, OptOutNotices.defaults(),
                TemplateFixtures.SHAPES).render("w", "en", TemplateFixtures.english());
        assertNull(message.templateId());
        assertNull(message.url());
        assertTrue(message.data().isEmpty());
        assertEquals(Map.of("title", "T", "body", "B"), message.record());
    }

    @Test
    void dataMustBeAMappingOfTexts(@TempDir Path dir) {
        TemplateFixtures.write(dir, "w.yaml", """
                name: w
                channel: wechat
                locales:
                  en:
                    title: T
                    body: B
                    data: [first]
                """);
        TemplateLoadException e = assertThrows(TemplateLoadException.class, () -> TemplateCatalog.loadDirectory(dir,
                OptOutNotices.defaults(), TemplateFixtures.SHAPES));
        assertTrue(e.getMessage().contains("locales.en.data: must be a non-empty mapping of names to text"),
                e.getMessage());
    }
}
