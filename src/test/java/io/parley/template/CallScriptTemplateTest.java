package io.parley.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A voice template holds a call's prompts: checked at load, rendered per debtor, read back during the call. */
class CallScriptTemplateTest {
    private static final String REQUIRED = """
                greeting: Hello from {{company.name}}. If you are {{debtor.firstName}}, press 1; if not, press 2.
                disclosure: This is an attempt to collect a debt.
                menu: Press 1 for your balance, 2 to promise a payment, 3 for an agent, 9 to stop calls.
                balance: You owe {{account.amount}}, due {{account.dueDate}}.
                promiseAmount: Enter the amount, then pound.
                promiseDate: Enter the date, then pound.
                promiseConfirm: You will pay {{promise.amount}} on {{promise.date}}. Press 1 to confirm.
                promiseRecorded: Thank you.
                optedOut: We will not call this number again.
                noInput: We did not hear you.
                invalid: That is not a choice.
                goodbye: Goodbye.
            """;

    private static String script(String extra) {
        return "name: t\nchannel: voice\nlocales:\n  en:\n" + REQUIRED + extra;
    }

    @Test
    void rendersThePromptsAndReadsAPromiseBackInTheLocale(@TempDir Path dir) {
        TemplateCatalog catalog = TemplateFixtures.catalog(dir, "t.yaml", script("""
                    voice: Polly.Joanna
                    language: en-US
                """) + """
                  zh-CN:
                    greeting: 您好，这里是{{company.name}}。{{debtor.firstName}}本人请按1，不是请按2。
                    disclosure: 本次来电是关于债务的催收。
                    menu: 查询请按1。
                    balance: 您欠款{{account.amount}}。
                    promiseAmount: 请输入金额。
                    promiseDate: 请输入日期。
                    promiseConfirm: 您承诺于{{promise.date}}还款{{promise.amount}}。确认请按1。
                    promiseRecorded: 谢谢。
                    optedOut: 我们将不再拨打本号码。
                    noInput: 没有收到您的按键。
                    invalid: 输入无效。
                    goodbye: 再见。
                """);
        CallScript en = (CallScript) catalog.render("t", "en", TemplateFixtures.english());
        assertEquals("Hello from Acme Finance. If you are Jane, press 1; if not, press 2.", en.required("greeting"));
        assertEquals("Polly.Joanna", en.voice());
        assertEquals("en-US", en.language());
        assertEquals("You will pay $500.00 on December 5, 2026. Press 1 to confirm.",
                en.readBack(new BigDecimal("500"), LocalDate.of(2026, 12, 5)));
        CallScript zh = (CallScript) catalog.render("t", "zh-CN", TemplateFixtures.chinese());
        assertEquals("zh-CN", zh.language(), "the locale when the template names no language");
        assertNull(zh.voice());
        assertEquals("您承诺于2026年12月5日还款¥500.00。确认请按1。",
                zh.readBack(new BigDecimal("500"), LocalDate.of(2026, 12, 5)));
        assertFalse(en.asksSecondFactor());
    }

    @Test
    void asksASecondFactorOnlyWhenTheEnrollmentSuppliesTheAnswerAndNeverRecordsIt(@TempDir Path dir) {
        TemplateCatalog catalog = TemplateFixtures.catalog(dir, "t.yaml", script("""
                    secondFactor: Enter your year of birth, then pound.
                    secondFactorAnswer: "{{#variables.birthYear}}{{variables.birthYear}}{{/variables.birthYear}}"
                """));
        CallScript without = (CallScript) catalog.render("t", "en", TemplateFixtures.english());
        assertFalse(without.asksSecondFactor());
        MessageContext withYear = TemplateFixtures.context("Jane Doe", "1234.50", "USD",
                Map.of("birthYear", "1985"), Map.of());
        CallScript with = (CallScript) catalog.render("t", "en", withYear);
        assertTrue(with.asksSecondFactor());
        assertEquals("1985", with.secondFactorAnswer());
        assertEquals(true, with.record().get("secondFactor"));
        assertFalse(with.record().toString().contains("1985"), with.record().toString());
    }

    @Test
    void aVoiceTemplateMayStillBeOneTextReadOut(@TempDir Path dir) {
        TemplateCatalog catalog = TemplateFixtures.catalog(dir, "t.yaml",
                "name: t\nchannel: voice\nlimitedContent: true\nlocales:\n  en: Please call {{company.phone}}.\n");
        assertEquals(new VoiceScript("Please call +1 800 555 0100."),
                catalog.render("t", "en", TemplateFixtures.english()));
    }

    static Stream<Arguments> invalidScripts() {
        return Stream.of(
                Arguments.of("a greeting that reveals the debt", script("")
                        .replace("press 2.", "press 2. You owe {{account.amount}}."), "locales.en.greeting",
                        "said before the right party is verified, so it must not use 'account.amount'"),
                Arguments.of("a message for a third party with the due date",
                        script("    thirdParty: Tell them it was due {{account.dueDate}}.\n"),
                        "locales.en.thirdParty", "must not use 'account.dueDate'"),
                Arguments.of("a second factor without its answer",
                        script("    secondFactor: Enter your year of birth.\n"), "locales.en.secondFactorAnswer",
                        "required with secondFactor"),
                Arguments.of("a missing menu", script("").replace("    menu:", "    x-menu:"), "locales.en.menu",
                        "required for the voice channel"),
                Arguments.of("a promise read back outside the confirmation",
                        script("").replace("Enter the amount, then pound.", "Enter {{promise.amount}}."),
                        "locales.en.promiseAmount", "only a call script's promiseConfirm may use it"),
                Arguments.of("a promise read back in a text message",
                        "name: t\nchannel: sms\nlocales:\n  en: You will pay {{promise.amount}}.\n", "locales.en",
                        "'promise.amount' is filled in during a call"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidScripts")
    void refusesAtLoad(String title, String yaml, String field, String message, @TempDir Path dir) {
        TemplateLoadException e = assertThrows(TemplateLoadException.class,
                () -> TemplateFixtures.catalog(dir, "t.yaml", yaml));
        assertTrue(e.problems().stream().anyMatch(p -> p.field().equals(field) && p.message().contains(message)),
                e.problems().toString());
    }
}
