package io.parley.reply;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule of the shipped reply rules, one table per rule. */
class ReplyClassifierTest {
    private static final ReplyClassifier CLASSIFIER = ReplyClassifier.load(Path.of("conf", "replies"));
    /** A Wednesday: 10:00 in New York, 22:00 in Shanghai. */
    private static final Instant WEDNESDAY = Instant.parse("2025-06-04T14:00:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Classification en(String text) {
        return CLASSIFIER.classify(text, "en-US", NEW_YORK, WEDNESDAY);
    }

    private static Classification zh(String text) {
        return CLASSIFIER.classify(text, "zh-CN", SHANGHAI, WEDNESDAY);
    }

    @ParameterizedTest(name = "[{0}] is the keyword {1}")
    @CsvSource(delimiter = '|', value = {
            "STOP|opt_out", "Stop.|opt_out", "ＳＴＯＰ|opt_out", "' stop! '|opt_out", "退订。|opt_out", "ＴＤ|opt_out",
            "UNSUBSCRIBE|opt_out", "Cancel|opt_out", "end|opt_out", "QUIT|opt_out", "revoke|opt_out",
            "OptOut|opt_out", "stop 🛑|opt_out", "STOPALL|opt_out", "stop all|opt_out", "ｓｔｏｐ　ａｌｌ|opt_out",
            "T|opt_out", "ｔ|opt_out", "Ｔ。|opt_out", "【T】|opt_out", "stop please|opt_out", "STOP STOP|opt_out",
            "退订退订|opt_out", "退订吧，谢谢|opt_out", "STOP谢谢|opt_out", "退订[捂脸]|opt_out", "UNSTOP please|opt_in",
            "START|opt_in", "unstop|opt_in", "HELP|help", "info?|help", "stop all contact|opt_out_all"})
    void wholeReplyKeywords(String text, String intent) {
        Classification c = en(text);
        assertEquals(ReplyIntent.parse(intent), c.intent(), c.reasons().toString());
        assertTrue(c.reasons().get(0).contains("the whole reply is the keyword"), c.reasons().toString());
    }

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', value = {
            "stop calling my phone|opt_out",
            "stop calling my mother|other",
            "don't stop the payment plan|other",
            "stopping by the bank tomorrow to pay|promise_to_pay",
            "can you stop the late fee|other",
            "I will not stop paying|other",
            "the bus stop|other",
            "stop by the office|other",
            "why did you stop sending reminders|other",
            "please stop texting me|opt_out",
            "stop sending me messages|opt_out",
            "I don't want these texts anymore|opt_out",
            "remove me from your list|opt_out",
            "Nope. Stop.|opt_out",
            "Stop contacting me|opt_out_all",
            "cease all communication|opt_out_all",
            "do not contact me again|opt_out_all"})
    void keywordsAreNeverSubstringsButSentencesCount(String text, String intent) {
        Classification c = en(text);
        assertEquals(ReplyIntent.parse(intent), c.intent(), c.reasons().toString());
    }

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', value = {
            "别再发短信了|opt_out", "不要再给我发信息|opt_out", "请停止发送|opt_out", "不要再联系我|opt_out_all",
            "别再骚扰我|opt_out_all", "你不要发火，我会还的|promise_to_pay", "不要停止我的还款计划|other"})
    void chineseOptOuts(String text, String intent) {
        Classification c = zh(text);
        assertEquals(ReplyIntent.parse(intent), c.intent(), c.reasons().toString());
    }

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', value = {
            "I already paid|paid", "paid yesterday|paid", "已还款|paid", "已经还了|paid",
            "this is not my debt|dispute", "I dispute this|dispute", "我没有借过|dispute", "不是我的|dispute",
            "wrong number|wrong_number", "you have the wrong person|wrong_number", "打错了|wrong_number",
            "不是我的号码|wrong_number",
            "talk to my lawyer|attorney", "my attorney|attorney", "律师|attorney",
            "I filed for bankruptcy|bankruptcy", "chapter 7|bankruptcy", "破产|bankruptcy",
            "lost my job|hardship", "I can't afford|hardship", "in the hospital|hardship", "失业了|hardship",
            "没钱|hardship", "I can't afford a lawyer|hardship",
            "call me|callback_request", "please call me back after 5|callback_request", "给我回电话|callback_request",
            "when I get paid I'll pay|promise_to_pay", "ok thanks|other"})
    void otherIntents(String text, String intent) {
        Classification c = text.chars().anyMatch(ch -> ch > 0x2e80) ? zh(text) : en(text);
        assertEquals(ReplyIntent.parse(intent), c.intent(), c.reasons().toString());
    }

    @ParameterizedTest(name = "[{0}] is {1}, also {2}")
    @CsvSource(delimiter = '|', value = {
            "I dispute this debt. Cease all communication.|opt_out_all|dispute",
            "Lost my job, stop texting me|opt_out|hardship",
            "my lawyer says I filed chapter 7|attorney|bankruptcy",
            "I dispute this, wrong person|dispute|wrong_number",
            "I paid 100 yesterday and will pay the rest on Friday|paid|promise_to_pay",
            "lost my job but can pay 50 friday|promise_to_pay|hardship",
            "call me, I'll pay 100 tomorrow|promise_to_pay|callback_request",
            "I'm in the hospital, call me back|hardship|callback_request",
            "this is not my debt, stop texting me|dispute|opt_out",
            "wrong number, please stop texting|opt_out|wrong_number"})
    void theStrongestIntentIsPrimaryAndTheNextIsSecondary(String text, String winner, String second) {
        Classification c = en(text);
        assertEquals(ReplyIntent.parse(winner), c.intent(), c.reasons().toString());
        assertEquals(Optional.of(ReplyIntent.parse(second)), c.secondary(), c.reasons().toString());
        assertTrue(c.reasons().stream().anyMatch(r -> r.startsWith("secondary " + second)), c.reasons().toString());
    }

    @Test
    void aSecondaryPromiseCarriesItsAmountAndDate() {
        Classification c = en("I paid 100 yesterday and will pay the rest on Friday");
        assertEquals(ReplyIntent.PAID, c.intent());
        assertEquals(LocalDate.of(2025, 6, 6), c.promise().orElseThrow().date());
        assertEquals(0, BigDecimal.ONE.compareTo(c.promise().orElseThrow().fractionOfBalance()));
    }

    @Test
    void anOptOutTakesEffectWhereverItRanks() {
        Classification c = en("My lawyer handles this, I filed chapter 7, and stop texting me");
        assertEquals(ReplyIntent.ATTORNEY, c.intent());
        assertEquals(Optional.of(ReplyIntent.BANKRUPTCY), c.secondary());
        assertEquals(Optional.of(OptOutScope.of(java.util.Set.of(io.parley.domain.Channel.SMS))), c.optOut());
    }

    @ParameterizedTest(name = "[{0}] {1}: {2} on {3}")
    @CsvSource(delimiter = '|', value = {
            "I'll pay 200 on Friday|en-US|200|2025-06-06",
            "pay 150 on 12/05|en-US|150|2025-12-05",
            "pay 150 on 12/05|en|150|2025-12-05",
            "pay 150 on 12/05|en-GB|150|2026-05-12",
            "will pay $300 next week|en-US|300|",
            "can pay 50 tomorrow|en-US|50|2025-06-05",
            "I'll pay $1,250.75 next friday|en-US|1250.75|2025-06-13",
            "I can pay 1k on the 15th|en-US|1000|2025-06-15",
            "I can pay 200 on the 3rd|en-US|200|2025-07-03",
            "will pay half by the end of the month|en-US|x0.5|2025-06-30",
            "I'll pay in full in 2 weeks|en-US|x1|2025-06-18",
            "下周五还500|zh-CN|500|2025-06-13",
            "明天还200|zh-CN|200|2025-06-05",
            "月底前还一半|zh-CN|x0.5|2025-06-30",
            "15号还1000|zh-CN|1000|2025-06-15",
            "3号还五百|zh-CN|500|2025-07-03",
            "下个月还一千二|zh-CN|1200|",
            "周五之前还300块|zh-CN|300|2025-06-06",
            "I will pay when I can|en-US||"})
    void promisesCarryAmountAndDate(String text, String locale, String amount, String date) {
        ZoneId zone = locale.startsWith("zh") ? SHANGHAI : NEW_YORK;
        Classification c = CLASSIFIER.classify(text, locale, zone, WEDNESDAY);
        assertEquals(ReplyIntent.PROMISE_TO_PAY, c.intent(), c.reasons().toString());
        PromiseToPay promise = c.promise().orElseThrow();
        if (amount == null) {
            assertEquals(Optional.empty(), promise.explicitAmount());
            assertFalse(promise.isFraction());
        } else if (amount.startsWith("x")) {
            assertEquals(0, new BigDecimal(amount.substring(1)).compareTo(promise.fractionOfBalance()), c.reasons().toString());
            assertTrue(promise.amount() == null);
        } else {
            assertEquals(0, new BigDecimal(amount).compareTo(promise.amount()), c.reasons().toString());
        }
        assertEquals(date == null ? null : LocalDate.parse(date), promise.date(), c.reasons().toString());
        assertTrue(c.reasons().stream().anyMatch(r -> r.startsWith("promise date:")), c.reasons().toString());
        assertTrue(c.reasons().stream().anyMatch(r -> r.startsWith("promise amount:")), c.reasons().toString());
    }

    @Test
    void relativeDaysCountFromTheArrivalDayInTheDebtorsZone() {
        Instant lateEvening = Instant.parse("2025-06-04T23:30:00Z");
        Classification shanghai = CLASSIFIER.classify("明天还200", "zh-CN", SHANGHAI, lateEvening);
        Classification newYork = CLASSIFIER.classify("明天还200", "zh-CN", NEW_YORK, lateEvening);
        assertEquals(LocalDate.of(2025, 6, 6), shanghai.promise().orElseThrow().date());
        assertEquals(LocalDate.of(2025, 6, 5), newYork.promise().orElseThrow().date());
        assertTrue(shanghai.reasons().stream().anyMatch(r -> r.contains("2025-06-05 (Thursday) in Asia/Shanghai")),
                shanghai.reasons().toString());
    }

    @Test
    void theDayNearestThePromiseWins() {
        Classification c = en("Can't pay today but I'll pay 50 tomorrow");
        assertEquals(LocalDate.of(2025, 6, 5), c.promise().orElseThrow().date());
        assertEquals("tomorrow", c.promise().orElseThrow().dateText());
        assertEquals("50", c.promise().orElseThrow().amountText());
    }

    @Test
    void reasonsNameTheRuleAndWhatWasHidden() {
        Classification c = en("don't stop the payment plan");
        assertEquals(ReplyIntent.OTHER, c.intent());
        assertEquals("", c.matched());
        assertTrue(c.reasons().stream().anyMatch(r -> r.contains("'don't stop'") && r.contains("exceptions.opt_out")),
                c.reasons().toString());

        Classification stop = en("please stop texting me");
        assertEquals("stop texting", stop.matched());
        assertTrue(stop.reasons().get(0).contains("phrases.opt_out["), stop.reasons().toString());
    }

    @Test
    void localeIsOptionalAndAnyLanguageOptsOut() {
        assertEquals(ReplyIntent.OPT_OUT, CLASSIFIER.classify("退订", null, NEW_YORK, WEDNESDAY).intent());
        assertEquals(ReplyIntent.OPT_OUT, CLASSIFIER.classify("STOP", "zh-CN", SHANGHAI, WEDNESDAY).intent());
        assertEquals(ReplyIntent.OPT_OUT, CLASSIFIER.classify("stop", "fr-FR", NEW_YORK, WEDNESDAY).intent());
        assertEquals(ReplyIntent.OTHER, CLASSIFIER.classify("  ", "en", NEW_YORK, WEDNESDAY).intent());
        assertEquals(ReplyIntent.OTHER, CLASSIFIER.classify(null, "en", NEW_YORK, WEDNESDAY).intent());
    }

    @Test
    void timeAndZoneAreRequired() {
        assertThrows(NullPointerException.class, () -> CLASSIFIER.classify("stop", "en", null, WEDNESDAY));
        assertThrows(NullPointerException.class, () -> CLASSIFIER.classify("stop", "en", NEW_YORK, null));
    }

    @Test
    void promiseInvariants() {
        assertThrows(IllegalArgumentException.class, () -> new PromiseToPay(BigDecimal.TEN, BigDecimal.ONE, null, "", ""));
        assertThrows(IllegalArgumentException.class, () -> new PromiseToPay(null, new BigDecimal("1.5"), null, "", ""));
        assertThrows(IllegalArgumentException.class, () -> new PromiseToPay(BigDecimal.ZERO, null, null, "", ""));
        assertEquals(Optional.of(new BigDecimal("250.50")),
                new PromiseToPay(null, new BigDecimal("0.5"), null, "half", "").amountFor(new BigDecimal("501.00")));
        assertThrows(IllegalArgumentException.class, () -> new Classification(ReplyIntent.OTHER, Optional.empty(),
                Optional.empty(), Optional.of(PromiseToPay.unspecified()), java.util.List.of(), "", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Classification(ReplyIntent.OPT_OUT, Optional.empty(),
                Optional.empty(), Optional.empty(), java.util.List.of(), "", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Classification(ReplyIntent.DISPUTE,
                Optional.of(ReplyIntent.DISPUTE), Optional.empty(), Optional.empty(), java.util.List.of(), "",
                Optional.empty()));
    }

    @Test
    void intentWireNames() {
        for (ReplyIntent intent : ReplyIntent.values()) {
            assertEquals(intent, ReplyIntent.parse(intent.wire()));
        }
        assertEquals("promise_to_pay", ReplyIntent.PROMISE_TO_PAY.wire());
        assertEquals(ReplyIntent.values().length, ReplyIntent.PRECEDENCE.size());
        assertThrows(IllegalArgumentException.class, () -> ReplyIntent.parse("stop"));
    }
}
