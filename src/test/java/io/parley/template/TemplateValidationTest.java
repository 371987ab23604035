package io.parley.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Template files are checked strictly at load; every problem names the file and the field. */
class TemplateValidationTest {

    private static final String SMS_HEAD = "name: t\nchannel: sms\n";
    private static final String EMAIL_HEAD = "name: t\nchannel: email\n";

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                row("unknown top-level key", SMS_HEAD + "colour: red\nlocales:\n  en: Hi\n",
                        "colour", "unknown key"),
                row("missing name", "channel: sms\nlocales:\n  en: Hi\n", "name", "required"),
                row("name differs from the file", "name: other\nchannel: sms\nlocales:\n  en: Hi\n",
                        "name", "must match the file name ('t')"),
                row("missing channel", "name: t\nlocales:\n  en: Hi\n", "channel", "required"),
                row("unknown channel", "name: t\nchannel: fax\nlocales:\n  en: Hi\n",
                        "channel", "unknown channel 'fax'"),
                row("flag that is not a boolean", SMS_HEAD + "thirdPartySafe: \"true\"\nlocales:\n  en: Hi\n",
                        "thirdPartySafe", "true or false"),
                row("missing locales", SMS_HEAD, "locales", "required"),
                row("missing locale en", SMS_HEAD + "locales:\n  zh-CN: 您好\n", "locales", "'en' is required"),
                row("ill-formed locale tag", SMS_HEAD + "locales:\n  en: Hi\n  zh_CN: 您好\n",
                        "locales.zh_CN", "not a BCP 47 language tag"),
                row("locale given twice", SMS_HEAD + "locales:\n  en: Hi\n  EN: Hello\n", "locales.EN", "given twice"),
                row("sms content that is not text", SMS_HEAD + "locales:\n  en:\n    text: Hi\n",
                        "locales.en", "non-empty text"),
                row("blank sms", SMS_HEAD + "locales:\n  en: '  '\n", "locales.en", "non-empty text"),
                row("email without subject", EMAIL_HEAD + "locales:\n  en:\n    text: Hi\n    html: <p>Hi</p>\n",
                        "locales.en.subject", "required for the email channel"),
                row("email without html", EMAIL_HEAD + "locales:\n  en:\n    subject: S\n    text: Hi\n",
                        "locales.en.html", "required"),
                row("email with an unknown key", EMAIL_HEAD
                        + "locales:\n  en:\n    subject: S\n    text: Hi\n    html: <p>Hi</p>\n    footer: x\n",
                        "locales.en.footer", "unknown key (allowed: subject, text, html)"),
                row("email as plain text", EMAIL_HEAD + "locales:\n  en: Hi\n",
                        "locales.en", "the email channel needs [subject, text, html]"),
                row("wechat without body", "name: t\nchannel: wechat\nlocales:\n  en:\n    title: T\n",
                        "locales.en.body", "required"),
                row("letter paragraphs not a list", "name: t\nchannel: letter\nlocales:\n  en:\n    title: T\n"
                        + "    paragraphs: one\n", "locales.en.paragraphs", "non-empty list"),
                row("unknown variable in a letter paragraph", "name: t\nchannel: letter\nlocales:\n  en:\n"
                        + "    title: T\n    paragraphs:\n      - Dear {{debtor.name}},\n"
                        + "      - Ref {{account.reference}}\n",
                        "locales.en.paragraphs[1]", "unknown variable 'account.reference'"),
                row("unknown variable", SMS_HEAD + "locales:\n  en: Hi {{debtor.email}}\n",
                        "locales.en", "unknown variable 'debtor.email'"),
                row("free variable without a key", SMS_HEAD + "locales:\n  en: Hi {{variables.}}\n",
                        "locales.en", "unknown variable 'variables.'"),
                row("unknown variable in a section",
                        SMS_HEAD + "locales:\n  en: Hi{{#variables.x}} {{name}}{{/variables.x}}\n",
                        "locales.en", "unknown variable 'name'"),
                row("unclosed section", SMS_HEAD + "locales:\n  en: Hi {{#debtor.name}}x\n",
                        "locales.en", "Mustache syntax error"),
                row("unclosed tag", SMS_HEAD + "locales:\n  en: Hi {{debtor.name}\n",
                        "locales.en", "Mustache syntax error"),
                row("partial", SMS_HEAD + "locales:\n  en: Hi {{> footer}}\n", "locales.en", "partials"),
                row("delimiter change", SMS_HEAD + "locales:\n  en: Hi {{=<% %>=}}<%debtor.name%>\n",
                        "locales.en", "delimiters"),
                row("unescaped value in html", EMAIL_HEAD + "locales:\n  en:\n    subject: S\n    text: Hi\n"
                        + "    html: <p>Hi {{{debtor.name}}}</p>\n", "locales.en.html", "unescaped"),
                row("account variable in a third-party-safe template", SMS_HEAD + "thirdPartySafe: true\n"
                        + "locales:\n  en: Call us\n  zh-CN: 请致电 {{account.amount}}\n",
                        "locales.zh-CN", "thirdPartySafe template must not use 'account.amount'"),
                row("account variable in a section of limited content", "name: t\nchannel: voice\n"
                        + "limitedContent: true\nlocales:\n  en: Hi{{#account.dueDate}} soon{{/account.dueDate}}\n",
                        "locales.en", "limitedContent template must not use 'account.dueDate'"),
                row("invalid YAML", SMS_HEAD + "locales:\n  en: [unclosed\n", "(file)", "invalid YAML"),
                row("duplicate key", SMS_HEAD + "channel: email\nlocales:\n  en: Hi\n", "(file)", "Duplicate field"),
                row("not a mapping", "- a\n- b\n", "(file)", "must be a YAML mapping"));
    }

    private static Arguments row(String name, String yaml, String field, String message) {
        return Arguments.of(name, yaml, field, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void reportsFileAndField(String name, String yaml, String field, String message, @TempDir Path dir) {
        TemplateLoadException e = assertThrows(TemplateLoadException.class,
                () -> TemplateFixtures.catalog(dir, "t.yaml", yaml));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("t.yaml") && p.field().equals(field)
                && p.message().contains(message)), () -> "expected t.yaml: " + field + ": ..." + message
                + "... in\n" + e.getMessage());
        assertTrue(e.getMessage().contains("t.yaml: " + field + ": "), e.getMessage());
    }

    @Test
    void reportsEveryProblemOfEveryFileAtOnce(@TempDir Path dir) {
        TemplateFixtures.write(dir, "a.yaml", "name: a\nchannel: sms\nlocales:\n  en: Hi {{debtor.age}}\n");
        TemplateFixtures.write(dir, "b.yaml", "name: b\nchannel: email\nlocales:\n  en:\n    text: Hi\n");
        TemplateFixtures.write(dir, "c.yaml", "name: c\nchannel: sms\nlocales:\n  en: Fine\n");
        TemplateLoadException e = assertThrows(TemplateLoadException.class,
                () -> TemplateCatalog.loadDirectory(dir, OptOutNotices.defaults(), TemplateFixtures.SHAPES));
        assertEquals(
                "[a.yaml: locales.en, b.yaml: locales.en.subject, b.yaml: locales.en.html]",
                e.problems().stream().map(p -> p.file() + ": " + p.field()).toList().toString());
    }

    @Test
    void sameNameInTwoFilesIsReported(@TempDir Path dir) {
        TemplateFixtures.write(dir, "a.yaml", "name: a\nchannel: sms\nlocales:\n  en: Hi\n");
        TemplateFixtures.write(dir, "a.yml", "name: a\nchannel: sms\nlocales:\n  en: Hello\n");
        TemplateLoadException e = assertThrows(TemplateLoadException.class,
                () -> TemplateCatalog.loadDirectory(dir, OptOutNotices.defaults(), TemplateFixtures.SHAPES));
        assertEquals("a.yml", e.problems().get(0).file());
        assertTrue(e.problems().get(0).message().contains("defined by another file"));
    }

    @Test
    void missingDirectoryIsALoadError(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");
        TemplateLoadException e = assertThrows(TemplateLoadException.class,
                () -> TemplateCatalog.loadDirectory(missing, OptOutNotices.defaults(), TemplateFixtures.SHAPES));
        assertEquals(missing.toString(), e.problems().get(0).file());
    }
}
