package io.parley.reply;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the day a reply names and resolves it against the day the reply arrived (in the debtor's zone). The rules,
 * for English and Chinese alike:
 * <ul>
 *   <li>today / tonight / 今天; tomorrow / 明天; the day after tomorrow / 后天; 大后天: the arrival day plus 0-3 days;</li>
 *   <li>a weekday (friday, this friday, 周五, 星期五): its next occurrence on or after the arrival day;</li>
 *   <li>next friday / 下周五: the Friday of the next calendar week (weeks run Monday to Sunday);</li>
 *   <li>next week / 下周: the Monday of the next calendar week; next month / 下个月 / 下月初: its first day;</li>
 *   <li>end of the month / 月底: this month's last day; end of next month / 下个月底: next month's last day;</li>
 *   <li>end of the week: Friday (on or after arrival); the weekend / 周末: Saturday (on or after arrival);</li>
 *   <li>in 3 days / in 2 weeks / 3天后 / 3天内: the arrival day plus the days or weeks;</li>
 *   <li>the 15th / 15号 / 十五日: that day of this month, or of the next month that has it when already past;</li>
 *   <li>12/05, June 5, 6月15号: the next occurrence on or after the arrival day (with a year: that exact day);
 *       12/05 reads month first or day first by the locale; a reading that is not a date falls back to the other.</li>
 * </ul>
 * Overlapping expressions yield to the first (the longest at the same place); of the days left, the caller takes
 * the one nearest the words that made the reply a promise ("can't pay today but will pay tomorrow": tomorrow).
 */
final class DateFinder {
    private static final String WEEKDAY_EN = "monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday"
            + "|fri|saturday|sunday";
    private static final String CN_NUM = "[0-9零〇一二两三四五六七八九十]{1,3}";
    private static final String MONTH_EN = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final String SMALL_COUNT = "\\d{1,2}|a|an|one|two|three|four|five|six|seven|ten|fourteen"
            + "|a couple of|couple of|a couple|couple|a few|few";

    /** A day found in a reply: where, the words, the day and how it was resolved. */
    record Found(int start, int end, String text, LocalDate date, String how) {
    }

    /** What a rule needs: the arrival day and how numeric dates read. */
    record Context(LocalDate today, LanguageRules.DateOrder order) {
    }

    private record Rule(Pattern pattern, BiFunction<Matcher, Context, Optional<Resolved>> resolve) {
    }

    private record Resolved(LocalDate date, String how) {
    }

    private static final List<Rule> RULES = List.of(
            rule("\\b(?:the )?day after (?:tomorrow|tmrw|tmr)\\b", (m, c) -> plusDays(c, 2, "the day after tomorrow")),
            rule("大后天", (m, c) -> plusDays(c, 3, "three days after arrival")),
            rule("后天", (m, c) -> plusDays(c, 2, "the day after tomorrow")),
            rule("\\b(?:tomorrow|tomorow|tommorow|tommorrow|tomorro|tmrw|tmr|tmrrw|2morrow|2moro|2mrw)\\b|明天|明日|明儿|明早|明晚",
                    (m, c) -> plusDays(c, 1, "the day after arrival")),
            rule("\\b(?:today|tonight|tonite|this (?:morning|afternoon|evening)|later today|end of (?:the )?day|eod)\\b"
                    + "|\\b(?:right )?now\\b|今天|今日|今晚|今儿|马上|立刻", (m, c) -> plusDays(c, 0, "the arrival day")),
            rule("\\bnext (" + WEEKDAY_EN + ")\\b", (m, c) -> nextWeek(c, weekdayEn(m.group(1)))),
            rule("\\b(" + WEEKDAY_EN + ") next week\\b", (m, c) -> nextWeek(c, weekdayEn(m.group(1)))),
            rule("\\b(?:this (?:coming )?|coming )?(" + WEEKDAY_EN + ")\\b", (m, c) -> nextOrSame(c, weekdayEn(m.group(1)))),
            rule("\\b(?:on|by|this) (sat|sun)\\b", (m, c) -> nextOrSame(c, weekdayEn(m.group(1)))),
            rule("下下(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])?", (m, c) -> {
                LocalDate monday = c.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(2);
                DayOfWeek day = m.group(1) == null ? DayOfWeek.MONDAY : weekdayZh(m.group(1));
                return Optional.of(new Resolved(monday.with(day), "the " + name(day) + " two weeks after the arrival week"));
            }),
            rule("下个?(?:周|星期|礼拜)([一二三四五六日天1-7])", (m, c) -> nextWeek(c, weekdayZh(m.group(1)))),
            rule("(?:这个?|本)?(?:周|星期|礼拜)([一二三四五六日天1-7])", (m, c) -> nextOrSame(c, weekdayZh(m.group(1)))),
            rule("\\bnext week\\b|下个?(?:周|星期|礼拜)", (m, c) -> Optional.of(new Resolved(
                    c.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1),
                    "the Monday of the week after the arrival week"))),
            rule("\\b(?:the )?end of next month\\b|下个?月(?:底|末)", (m, c) -> Optional.of(new Resolved(
                    c.today().plusMonths(1).with(TemporalAdjusters.lastDayOfMonth()), "the last day of next month"))),
            rule("\\b(?:the )?end of (?:the |this )?month\\b|\\bmonth end\\b|\\bmonth's end\\b|\\beom\\b"
                            + "|(?:本|这个?)?月(?:底|末)",
                    (m, c) -> Optional.of(new Resolved(c.today().with(TemporalAdjusters.lastDayOfMonth()),
                            "the last day of the arrival month"))),
            rule("\\b(?:(?:the )?(?:beginning|start) of )?next month\\b|下个?月初?", (m, c) -> Optional.of(new Resolved(
                    c.today().plusMonths(1).withDayOfMonth(1), "the first day of next month"))),
            rule("\\b(?:the )?end of (?:the |this )?week\\b", (m, c) -> nextOrSame(c, DayOfWeek.FRIDAY)
                    .map(r -> new Resolved(r.date(), "end of the week read as " + r.how()))),
            rule("\\b(?:this |the )?weekend\\b|周末", (m, c) -> nextOrSame(c, DayOfWeek.SATURDAY)
                    .map(r -> new Resolved(r.date(), "the weekend read as " + r.how()))),
            rule("(?:这|本)周(?:内|之内)", (m, c) -> nextOrSame(c, DayOfWeek.SUNDAY)
                    .map(r -> new Resolved(r.date(), "within this week read as " + r.how()))),
            rule("\\bin (" + SMALL_COUNT + ") (days?|weeks?)\\b|\\b(\\d{1,2}|a|one|two|three) (days?|weeks?) from (?:now|today)\\b",
                    (m, c) -> inDaysOrWeeks(c, m.group(1) != null ? m.group(1) : m.group(3),
                            m.group(2) != null ? m.group(2) : m.group(4))),
            rule("(" + CN_NUM + ")(?:个)?(天|周|星期|礼拜)(?:后|以后|之后|内|之内|以内)", (m, c) -> {
                BigDecimal n = ChineseNumber.parseOrDigits(m.group(1));
                return n == null || n.signum() <= 0 ? Optional.empty()
                        : inDaysOrWeeks(c, n.toPlainString(), m.group(2).equals("天") ? "days" : "weeks");
            }),
            rule("下个?月(" + CN_NUM + ")(?:号|日)", (m, c) -> day(m.group(1)).flatMap(d -> dayOfMonthFrom(
                    c.today().plusMonths(1).withDayOfMonth(1), d, "day " + d + " of next month"))),
            rule("(" + CN_NUM + ")月(" + CN_NUM + ")(?:号|日)?", (m, c) -> day(m.group(1)).flatMap(mo ->
                    day(m.group(2)).flatMap(d -> monthDay(c, mo, d, null)))),
            rule("(" + CN_NUM + ")(?:号|日)", (m, c) -> day(m.group(1)).flatMap(d -> dayOfMonthFrom(c.today(), d,
                    "day " + d + " of the month"))),
            rule("\\b(\\d{1,2})[/-](\\d{1,2})(?:[/-](\\d{4}|\\d{2}))?(?![/\\d])", DateFinder::numeric),
            rule("\\b(" + MONTH_EN + ")\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?", (m, c) -> monthDay(c,
                    monthEn(m.group(1)), Integer.parseInt(m.group(2)), m.group(3))),
            rule("\\b(?:the )?(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(" + MONTH_EN + ")\\b", (m, c) -> monthDay(c,
                    monthEn(m.group(2)), Integer.parseInt(m.group(1)), null)),
            rule("\\b(?:the )?(\\d{1,2})(?:st|nd|rd|th)\\b(?! (?:payment|installment|instalment|time|try|attempt))"
                    + "|\\bon the (\\d{1,2})\\b", (m, c) -> {
                int d = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
                return dayOfMonthFrom(c.today(), d, "day " + d + " of the month");
            }));

    private DateFinder() {
    }

    /** The day nearest the anchor (the first day when there is no anchor), if any. */
    static Optional<Found> nearest(List<Found> days, AmountFinder.Span anchor) {
        Found best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Found day : days) {
            int distance = anchor == null ? 0 : anchor.distance(day.start(), day.end());
            if (best == null || distance < bestDistance) {
                best = day;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every day named in the text, in reply order, without overlaps (the first, then the longest, wins). */
    static List<Found> findAll(String text, Context context) {
        List<Found> found = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                Matcher match = m;
                rule.resolve().apply(match, context).ifPresent(r ->
                        found.add(new Found(match.start(), match.end(), match.group(), r.date(), r.how())));
            }
        }
        found.sort(Comparator.comparingInt(Found::start).thenComparing(f -> -(f.end() - f.start())));
        List<Found> disjoint = new ArrayList<>();
        int end = -1;
        for (Found f : found) {
            if (f.start() >= end) {
                disjoint.add(f);
                end = f.end();
            }
        }
        return disjoint;
    }

    private static Rule rule(String regex, BiFunction<Matcher, Context, Optional<Resolved>> resolve) {
        return new Rule(Pattern.compile(regex), resolve);
    }

    private static Optional<Resolved> plusDays(Context c, int days, String how) {
        return Optional.of(new Resolved(c.today().plusDays(days), how));
    }

    private static Optional<Resolved> nextOrSame(Context c, DayOfWeek day) {
        if (day == null) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(c.today().with(TemporalAdjusters.nextOrSame(day)),
                "the next " + name(day) + " on or after the arrival day"));
    }

    private static Optional<Resolved> nextWeek(Context c, DayOfWeek day) {
        if (day == null) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(c.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .plusWeeks(1).with(day), "the " + name(day) + " of the week after the arrival week"));
    }

    private static Optional<Resolved> inDaysOrWeeks(Context c, String count, String unit) {
        int n = switch (count) {
            case "a", "an", "one" -> 1;
            case "two", "a couple of", "couple of", "a couple", "couple" -> 2;
            case "three", "a few", "few" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "ten" -> 10;
            case "fourteen" -> 14;
            default -> Integer.parseInt(count);
        };
        int days = unit.startsWith("week") ? 7 * n : n;
        return days > 366 ? Optional.empty() : plusDays(c, days, days + " days after the arrival day");
    }

    private static Optional<Resolved> numeric(Matcher m, Context c) {
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        String year = m.group(3);
        boolean monthFirst = c.order() == LanguageRules.DateOrder.MONTH_DAY;
        Optional<Resolved> read = monthFirst ? monthDay(c, first, second, year) : monthDay(c, second, first, year);
        String order = monthFirst ? "month/day" : "day/month";
        if (read.isPresent()) {
            return read.map(r -> new Resolved(r.date(), "read as " + order + " for the locale; " + r.how()));
        }
        Optional<Resolved> other = monthFirst ? monthDay(c, second, first, year) : monthDay(c, first, second, year);
        return other.map(r -> new Resolved(r.date(), "not a date as " + order + ", read the other way; " + r.how()));
    }

    /** A month and day: with a year, that day; without, its next occurrence on or after the arrival day. */
    private static Optional<Resolved> monthDay(Context c, Integer month, int day, String year) {
        if (month == null || month < 1 || month > 12 || day < 1 || day > 31) {
            return Optional.empty();
        }
        if (year != null) {
            int y = Integer.parseInt(year);
            y = y < 100 ? 2000 + y : y;
            if (day > java.time.YearMonth.of(y, month).lengthOfMonth()) {
                return Optional.empty();
            }
            return Optional.of(new Resolved(LocalDate.of(y, month, day), "the date as written"));
        }
        for (int y = c.today().getYear(); y <= c.today().getYear() + 8; y++) {
            if (day <= java.time.YearMonth.of(y, month).lengthOfMonth()) {
                LocalDate date = LocalDate.of(y, month, day);
                if (!date.isBefore(c.today())) {
                    return Optional.of(new Resolved(date, "the next " + date.getMonth().getDisplayName(
                            TextStyle.FULL, Locale.ENGLISH) + " " + day + " on or after the arrival day"));
                }
            }
        }
        return Optional.empty();
    }

    /** A day of the month: in the month of {@code from} if not before it, else in the next month that has it. */
    private static Optional<Resolved> dayOfMonthFrom(LocalDate from, int day, String what) {
        if (day < 1 || day > 31) {
            return Optional.empty();
        }
        LocalDate month = from.withDayOfMonth(1);
        for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
            if (day <= month.lengthOfMonth() && !month.withDayOfMonth(day).isBefore(from)) {
                return Optional.of(new Resolved(month.withDayOfMonth(day), what + (i == 0
                        ? ", in the arrival month" : ", in a later month as it is past in the arrival month")));
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> day(String text) {
        BigDecimal n = ChineseNumber.parseOrDigits(text);
        return n == null ? Optional.empty() : Optional.of(n.intValue());
    }

    private static DayOfWeek weekdayEn(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(w)) {
                return d;
            }
        }
        return null;
    }

    private static DayOfWeek weekdayZh(String c) {
        return switch (c) {
            case "一", "1" -> DayOfWeek.MONDAY;
            case "二", "2" -> DayOfWeek.TUESDAY;
            case "三", "3" -> DayOfWeek.WEDNESDAY;
            case "四", "4" -> DayOfWeek.THURSDAY;
            case "五", "5" -> DayOfWeek.FRIDAY;
            case "六", "6" -> DayOfWeek.SATURDAY;
            case "日", "天", "7" -> DayOfWeek.SUNDAY;
            default -> null;
        };
    }

    private static Integer monthEn(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (java.time.Month month : java.time.Month.values()) {
            if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(w.substring(0, 3))) {
                return month.getValue();
            }
        }
        return null;
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
