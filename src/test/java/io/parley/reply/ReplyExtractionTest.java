package io.parley.reply;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dates, amounts and Chinese numerals, read on their own. */
class ReplyExtractionTest {
    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 4);

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "today|month_day|2025-06-04", "tonight|month_day|2025-06-04", "tomorrow|month_day|2025-06-05",
            "tmrw|month_day|2025-06-05", "the day after tomorrow|month_day|2025-06-06",
            "wednesday|month_day|2025-06-11", "this wednesday|month_day|2025-06-04", "friday|month_day|2025-06-06", "this friday|month_day|2025-06-06",
            "next friday|month_day|2025-06-13", "next wednesday|month_day|2025-06-11", "monday|month_day|2025-06-09",
            "end of the month|month_day|2025-06-30", "end of next month|month_day|2025-07-31",
            "end of the week|month_day|2025-06-06", "in a fortnight|month_day|2025-06-18",
            "by the last day of the month|month_day|2025-06-30", "frdy|month_day|2025-06-06",
            "pay 1k on 15|month_day|2025-06-15", "bukas|month_day|2025-06-05", "mndy|month_day|2025-06-09",
            "will pay tomoro|month_day|2025-06-05",
            "friday week|month_day|2025-06-13", "a fortnight on friday|month_day|2025-06-20",
            "the friday after next|month_day|2025-06-13", "kesho|month_day|2025-06-05", "明儿个|month_day|2025-06-05",
            "on the fist|month_day|2025-07-01",
            "in 3 days|month_day|2025-06-07", "in two weeks|month_day|2025-06-18", "in a week|month_day|2025-06-11",
            "the 15th|month_day|2025-06-15", "the 4th|month_day|2025-06-04", "the 3rd|month_day|2025-07-03",
            "the 31st|month_day|2025-07-31", "12/05|month_day|2025-12-05", "12/05|day_month|2026-05-12",
            "6/4|month_day|2025-06-04", "6/3|month_day|2026-06-03", "15/06|month_day|2025-06-15",
            "12/05/2025|month_day|2025-12-05", "2/29|month_day|2028-02-29", "june 20|month_day|2025-06-20",
            "20th of june|month_day|2025-06-20", "jan 5th|month_day|2026-01-05",
            "今天|month_day|2025-06-04", "明天|month_day|2025-06-05", "后天|month_day|2025-06-06",
            "大后天|month_day|2025-06-07", "周五|month_day|2025-06-06", "星期日|month_day|2025-06-08",
            "下周五|month_day|2025-06-13", "下周一|month_day|2025-06-09", 
            "月底|month_day|2025-06-30", "下个月底|month_day|2025-07-31",
            "15号|month_day|2025-06-15", "十五号|month_day|2025-06-15",
            "3号|month_day|2025-07-03", "二十日|month_day|2025-06-20", "6月20号|month_day|2025-06-20",
            "下个月5号|month_day|2025-07-05", "3天内|month_day|2025-06-07", "两周后|month_day|2025-06-18",
            "pay on 1/2|month_day|2026-01-02"})
    void dates(String text, String order, String expected) {
        assertDate(text, order, expected);
    }

    @ParameterizedTest(name = "[{0}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "friday the 12th|month_day|2025-06-12", "Monday the 24th|month_day|2025-06-24",
            "19号周五|month_day|2025-06-19", "20号（周五）|month_day|2025-06-20", "friday, 13 june 2025|month_day|2025-06-13",
            "nxt tues|month_day|2025-06-10", "fri.|month_day|2025-06-06", "2025年6月16日|month_day|2025-06-16"})
    void aWeekdayNamedWithADayOfTheMonthYieldsToIt(String text, String order, String expected) {
        assertDate(ReplyText.normal(text), order, expected);
    }

    @ParameterizedTest(name = "[{0}] names no day")
    @CsvSource({"next week", "next month", "下周", "下下周", "下个月", "the beginning of next month", "this weekend", "周末",
            "下周一定"})
    void periodsNameNoDay(String text) {
        List<DateFinder.Found> found = DateFinder.findAll(text,
                new DateFinder.Context(TODAY, LanguageRules.DateOrder.MONTH_DAY));
        assertEquals(1, found.size(), found.toString());
        assertEquals(null, found.get(0).date(), found.toString());
    }

    private static void assertDate(String text, String order, String expected) {
        List<DateFinder.Found> found = DateFinder.findAll(text,
                new DateFinder.Context(TODAY, LanguageRules.DateOrder.valueOf(order.toUpperCase(java.util.Locale.ROOT))));
        assertEquals(1, found.size(), found.toString());
        assertEquals(LocalDate.parse(expected), found.get(0).date(), found.toString());
        assertTrue(!found.get(0).how().isBlank());
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "pay 200|200", "$300|300", "＄３００|300", "£1,200.50|1200.50", "1k|1000", "2.5k|2500", "40 bucks|40",
            "500元|500", "300块|300", "五百|500", "一千二|1200", "两万五|25000", "一千零五十|1050", "八百五|850",
            "2千|2000", "1万|10000", "6百|600", "1.2万|12000", "壹仟伍佰元|1500", "贰佰|200", "叁仟元整|3000",
            "two hundred and fifty|250", "fifteen hundred|1500", "twenty-five dollars|25", "one hundred dollars|100",
            "a hundred bucks|100", "flight CA981|", "gate 22|", "order number is 20250612|", "terminal 2|", "T2航站楼|",
            "a quarter|x0.25", "half|x0.5", "一半|x0.5", "in full|x1", "the rest|x1", "还清|x1",
            "after 5pm|", "in 2 weeks|", "chapter 7|", "call me at 3|", "pay 100 on 12/05|100",
            "2 hundred fifty|250", "3 hundred and twenty|320", "2 thousand five hundred|2500", "5 hundred|500",
            "pay 1/2 on friday|x0.5", "pay 1/4 now|x0.25", "the lot|x1", "剩下的|x1", "transfer three hundred过去|300",
            "R1 200|1200", "RM800|800", "rm 2k|2000", "HK$1,500|1500", "₹1,50,000|150000", "1,00,000|100000",
            "₹1.5 lakh|150000", "2 crore|20000000", "1.2w|12000", "新币一千|1000", "三千港纸|3000", "600令吉|600",
            "650 rand|650", "not 2k, just 800|800", "nxt mon 4 sure, 90|90", "还RM400|400", "1k先还着|1000",
            "board UA 837, will pay the 400|400", "还晒|x1", "还千五|1500", "to hundred|200",
            "应还3680，我先还1000|1000", "not going to pay $500, but $200|200"})
    void amounts(String text, String expected) {
        String normal = ReplyText.normal(text);
        var found = AmountFinder.find(NumberWords.digits(AmountFinder.hide(normal, DateFinder.findAll(normal,
                new DateFinder.Context(TODAY, LanguageRules.DateOrder.MONTH_DAY)))), null);
        if (expected == null) {
            assertTrue(found.isEmpty(), found.toString());
        } else if (expected.startsWith("x")) {
            assertEquals(0, new BigDecimal(expected.substring(1)).compareTo(found.orElseThrow().fraction()));
        } else {
            assertEquals(0, new BigDecimal(expected).compareTo(found.orElseThrow().amount()), found.toString());
        }
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "五|5", "十|10", "十五|15", "二十|20", "一百|100", "五百|500", "一千二|1200", "一千零五|1005",
            "一千零五十|1050", "两万|20000", "两万五|25000", "三千五百|3500", "十万|100000"})
    void chineseNumerals(String text, long expected) {
        assertEquals(expected, ChineseNumber.parse(text).orElseThrow());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {"ＳＴＯＰ!|stop|stop!", "  Stop.  |stop|stop.", "退订。|退订|退订。",
            "Don’t stop|don't stop|don't stop", "🛑 stop 🛑|stop|🛑 stop 🛑"})
    void normalisation(String text, String keyword, String normal) {
        ReplyText reply = ReplyText.of(text);
        assertEquals(keyword, reply.keyword());
        assertEquals(normal, reply.normal());
    }
}
