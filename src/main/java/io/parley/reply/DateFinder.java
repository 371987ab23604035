package io.parley.reply;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.parley.reply.DayResolver.day;
import static io.parley.reply.DayResolver.monthDay;
import static io.parley.reply.DayResolver.weekdayEn;
import static io.parley.reply.DayResolver.weekdayZh;

/**
 * Finds the days a reply names and resolves them against the day the reply arrived (in the debtor's zone), as
 * conf/replies/LABELLING.md says, for English and Chinese alike:
 * <ul>
 *   <li>today / tonight / 今天; tomorrow / 明天; the day after tomorrow / 后天; 大后天: the arrival day plus 0-3 days;</li>
 *   <li>a weekday (friday, fri, 周五, 星期五): the first such day after the arrival day; this friday / 这周五: the
 *       Friday of the arrival week; next friday / nxt fri / 下周五: the Friday of the next week (Monday to Sunday);</li>
 *   <li>end of the month / 月底: this month's last day; end of next month / 下个月底: next month's last day;</li>
 *   <li>end of the week: Friday; the weekend / 周末: no day (two days, like "next week"); a fortnight: 14 days;</li>
 *   <li>in 3 days / in 2 weeks / 3天后 / 3天内: the arrival day plus the days or weeks;</li>
 *   <li>the 15th / 15号 / 十五日: that day of this month, or of the next month that has it when already past;</li>
 *   <li>12/05, June 5, 6月15号: the next occurrence on or after the arrival day (with a year: that exact day);
 *       12/05 reads month first or day first by the locale; a reading that is not a date falls back to the other;</li>
 *   <li>a weekday next to a day of the month ("Friday the 12th", 19号周五): the day of the month wins;</li>
 *   <li>next week, next month, 下周, 下个月, the beginning of next month: periods, found but naming no day.</li>
 * </ul>
 * Overlapping expressions yield to the first (the longest at the same place). Which day is the promise's is
 * {@link DateChoice}'s question.
 */
final class DateFinder {
    private static final String WEEKDAY_EN = "monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu"
            + "|friday|fri|saturday|sunday|thursdy|thrusday|frdy|fryday|frday|tuesdy|wensday|wednesdy|mndy|mnday";
    private static final String NEXT = "(?:next|nxt|nex)";
    private static final String CN_NUM = "[0-9零〇一二两三四五六七八九十]{1,3}";
    static final String MONTH_EN = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final String SMALL_COUNT = "\\d{1,2}|a|an|one|two|three|four|five|six|seven|ten|fourteen"
            + "|a couple of|couple of|a couple|couple|a few|few";
    /** What may stand between a weekday and a day of the month that name the same day: "friday, the 12th", "19号(周五)". */
    private static final Pattern BETWEEN = Pattern.compile("[\\s,()（）]*(?:the )?");

    /** A day found in a reply: where, the words, the day (null for a period) and how it was resolved. */
    record Found(int start, int end, String text, LocalDate date, String how, Kind kind) {
    }

    /** BARE_DAY: a day of the month without its month ("the 15th", 15号). */
    enum Kind { WEEKDAY, DAY_OF_MONTH, BARE_DAY, OTHER }

    /** What a rule needs: the arrival day and how numeric dates read. */
    record Context(LocalDate today, LanguageRules.DateOrder order) {
    }

    private record Rule(Pattern pattern, Kind kind, BiFunction<Matcher, Context, Optional<DayResolver.Resolved>> resolve) {
    }

    private static final List<Rule> RULES = List.of(
            rule("\\b(?:the )?day after (?:tomorrow|tmrw|tmr)\\b", (m, c) -> DayResolver.plusDays(c, 2, "the day after tomorrow")),
            rule("大后天", (m, c) -> DayResolver.plusDays(c, 3, "three days after arrival")),
            rule("后天|后儿个?", (m, c) -> DayResolver.plusDays(c, 2, "the day after tomorrow")),
            // tomorrow as it is spelled and slipped, and in Tagalog (bukas), Swahili (kesho) and Hindi (kal, of a promise)
            rule("\\b(?:tomorrow|tomorow|tommorow|tommorrow|tomorro|tomoro|tmoro|tomoz|tmrw|tmr|tmrrw|2morrow|2moro|2mrw"
                            + "|bukas|kesho|kal)\\b|明天|明日|明儿个?|明早|明晚|明朝",
                    (m, c) -> DayResolver.plusDays(c, 1, "the day after arrival")),
            rule("\\b(?:today|tonight|tonite|this (?:morning|afternoon|evening)|later today|end of (?:the )?day|eod)\\b"
                    + "|\\b(?:right )?now\\b|今天|今日|今晚|今儿|马上|立刻", (m, c) -> DayResolver.plusDays(c, 0, "the arrival day")),
            // "Friday week", "a week on Friday", "the Friday after next": a week after the next Friday; "a fortnight on
            // Friday": two weeks after it
            rule("\\b(" + WEEKDAY_EN + ") week\\b|\\ba week (?:on|from) (" + WEEKDAY_EN + ")\\b|\\bthe (" + WEEKDAY_EN
                    + ") after next\\b|\\ba fortnight (?:on|from) (" + WEEKDAY_EN + ")\\b", Kind.WEEKDAY, (m, c) -> {
                int weeks = m.group(4) != null ? 2 : 1;
                String day = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                        : m.group(3) != null ? m.group(3) : m.group(4);
                return DayResolver.next(c, weekdayEn(day)).map(r -> new DayResolver.Resolved(
                        r.date().plusWeeks(weeks), (weeks == 2 ? "a fortnight" : "a week") + " after " + r.how()));
            }),
            rule("\\b" + NEXT + " (" + WEEKDAY_EN + ")\\b", Kind.WEEKDAY, (m, c) -> DayResolver.nextWeek(c, weekdayEn(m.group(1)))),
            rule("\\b(" + WEEKDAY_EN + ") " + NEXT + " week\\b|\\b" + NEXT + " week(?: on)? (" + WEEKDAY_EN + ")\\b", Kind.WEEKDAY,
                    (m, c) -> DayResolver.nextWeek(c, weekdayEn(m.group(1) != null ? m.group(1) : m.group(2)))),
            rule("\\b(?:this (?:coming )?|coming )(" + WEEKDAY_EN + "|sat|sun)\\b", Kind.WEEKDAY,
                    (m, c) -> DayResolver.thisWeek(c, weekdayEn(m.group(1)))),
            rule("(?<![a-z])(" + WEEKDAY_EN + ")(?![a-z])", Kind.WEEKDAY, (m, c) -> DayResolver.next(c, weekdayEn(m.group(1)))),
            rule("\\b(?:on|by|before) (sat|sun)\\b", Kind.WEEKDAY, (m, c) -> DayResolver.next(c, weekdayEn(m.group(1)))),
            rule("下下(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])", Kind.WEEKDAY, (m, c) -> {
                LocalDate monday = c.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(2);
                DayOfWeek day = weekdayZh(m.group(1));
                return Optional.of(new DayResolver.Resolved(monday.with(day), "the " + DayResolver.name(day)
                        + " two weeks after the arrival week"));
            }),
            // 下周一 is next Monday, 下周一定 "next week, surely"
            rule("下个?(?:周|星期|礼拜)([一二三四五六日天1-7])(?!定|起|直|共|样)", Kind.WEEKDAY,
                    (m, c) -> DayResolver.nextWeek(c, weekdayZh(m.group(1)))),
            rule("(?:这个?|本)(?:周|星期|礼拜)([一二三四五六日天1-7])", Kind.WEEKDAY,
                    (m, c) -> DayResolver.thisWeek(c, weekdayZh(m.group(1)))),
            rule("(?:周|星期|礼拜)([一二三四五六日天1-7])", Kind.WEEKDAY, (m, c) -> DayResolver.next(c, weekdayZh(m.group(1)))),
            rule("\\b" + NEXT + " week\\b|下下?个?(?:周|星期|礼拜)|\\bthe week after next\\b",
                    (m, c) -> DayResolver.vague("'" + m.group() + "'")),
            rule("\\b(?:the )?end of " + NEXT + " month\\b|下个?月(?:底|末)", (m, c) -> Optional.of(new DayResolver.Resolved(
                    c.today().plusMonths(1).with(TemporalAdjusters.lastDayOfMonth()), "the last day of next month"))),
            rule("\\b(?:the )?end of (?:the |this )?month\\b|\\b(?:the )?last day of (?:the |this )?month\\b"
                            + "|\\bmonth end\\b|\\bmonth's end\\b|\\beom\\b"
                            + "|(?:本|这个?)?月(?:底|末)",
                    (m, c) -> Optional.of(new DayResolver.Resolved(c.today().with(TemporalAdjusters.lastDayOfMonth()),
                            "the last day of the arrival month"))),
            rule("\\b(?:(?:the )?(?:beginning|start) of )?" + NEXT + " month\\b|下个?月初?",
                    (m, c) -> DayResolver.vague("'" + m.group() + "'")),
            rule("\\b(?:the )?end of (?:the |this )?week\\b", (m, c) -> thisOrNext(c, DayOfWeek.FRIDAY, "end of the week")),
            rule("\\b(?:this |the )?weekend\\b|周末", (m, c) -> DayResolver.vague("'" + m.group() + "' (two days)")),
            rule("\\b(?:in|within) (?:a|one) fortnight\\b|\\bin a fortnight's time\\b",
                    (m, c) -> DayResolver.plusDays(c, 14, "a fortnight after arrival")),
            rule("(?:这|本)周(?:内|之内)", (m, c) -> thisOrNext(c, DayOfWeek.SUNDAY, "within this week")),
            rule("\\b(?:in|within) (" + SMALL_COUNT + ") (days?|weeks?)\\b|\\b(\\d{1,2}|a|one|two|three) (days?|weeks?) from (?:now|today)\\b",
                    (m, c) -> DayResolver.inDaysOrWeeks(c, m.group(1) != null ? m.group(1) : m.group(3),
                            m.group(2) != null ? m.group(2) : m.group(4))),
            rule("(" + CN_NUM + ")(?:个)?(天|周|星期|礼拜)(?:后|以后|之后|内|之内|以内)", (m, c) ->
                    day(m.group(1)).filter(n -> n > 0).flatMap(n -> DayResolver.inDaysOrWeeks(c, String.valueOf(n),
                            m.group(2).equals("天") ? "days" : "weeks"))),
            rule("下个?月(" + CN_NUM + ")(?:号|日)", Kind.DAY_OF_MONTH, (m, c) -> day(m.group(1)).flatMap(d ->
                    DayResolver.dayOfMonthFrom(c.today().plusMonths(1).withDayOfMonth(1), d, "day " + d + " of next month"))),
            rule("(?:(\\d{4})年)?(" + CN_NUM + ")月(" + CN_NUM + ")(?:号|日)?", Kind.DAY_OF_MONTH, (m, c) ->
                    day(m.group(2)).flatMap(mo -> day(m.group(3)).flatMap(d -> monthDay(c, mo, d, m.group(1))))),
            rule("(" + CN_NUM + ")(?:号|日)", Kind.BARE_DAY, (m, c) -> day(m.group(1)).flatMap(d ->
                    DayResolver.dayOfMonthFrom(c.today(), d, "day " + d + " of the month"))),
            // A share right after the verb is not a date: "pay 1/2 on Wednesday" is half, "pay on 1/2" a day.
            rule("(?<!(?:pay|send|do|paying|sending|transfer|clear) )\\b(\\d{1,2})[/-](\\d{1,2})(?:[/-](\\d{4}|\\d{2}))?(?![/\\d-])",
                    Kind.DAY_OF_MONTH, DayResolver::numeric),
            rule("\\b(" + MONTH_EN + ")\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?", Kind.DAY_OF_MONTH,
                    (m, c) -> monthDay(c, DayResolver.monthEn(m.group(1)), Integer.parseInt(m.group(2)), m.group(3))),
            rule("\\b(?:the )?(\\d{1,2})(?:st|nd|rd|th)? +(?:of +)?(?:(?:the )?(?:next|following) month|" + NEXT
                    + " month)\\b", Kind.DAY_OF_MONTH, (m, c) -> DayResolver.dayOfMonthFrom(c.today().plusMonths(1)
                    .withDayOfMonth(1), Integer.parseInt(m.group(1)), "day " + m.group(1) + " of next month")),
            rule("\\b(?:the )?(\\d{1,2})(?:st|nd|rd|th)? +(?:of +)?(" + MONTH_EN + ")\\b(?:,? (\\d{4}))?", Kind.DAY_OF_MONTH,
                    (m, c) -> monthDay(c, DayResolver.monthEn(m.group(2)), Integer.parseInt(m.group(1)), m.group(3))),
            rule("\\b(?:the )?(\\d{1,2})(?:st|nd|rd|th)\\b(?! (?:payment|installment|instalment|time|try|attempt|weeks?|months?))"
                    + "|\\b(?:on the|on|sa) (\\d{1,2})\\b(?![.,:/-]?\\d| ?(?:am|pm|%|days?|weeks?|months?|years?|hours?|hrs?"
                    + "|mins?|minutes?|instal\\w*|install\\w*|payments?|k\\b|conditions?))", Kind.BARE_DAY, (m, c) -> {
                int d = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
                return DayResolver.dayOfMonthFrom(c.today(), d, "day " + d + " of the month");
            }));

    private DateFinder() {
    }

    /** Every day named in the text, in reply order, without overlaps (the first, then the longest, wins). */
    static List<Found> findAll(String written, Context context) {
        String text = OrdinalWords.digits(written);
        List<Found> found = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                Matcher match = m;
                rule.resolve().apply(match, context).ifPresent(r -> found.add(new Found(match.start(), match.end(),
                        match.group(), r.date(), r.how(), rule.kind())));
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
        return inLaterMonth(merged(text, disjoint));
    }

    /**
     * A day of the month named without its month after a day in a later month belongs to that month ("下个月5号发工资，
     * 7号还", "paid on July 3, I'll pay on the 7th"), when read in the arrival month it would come before it (and that
     * month is near: a letter's date read as next year's moves nothing).
     */
    private static List<Found> inLaterMonth(List<Found> days) {
        List<Found> out = new ArrayList<>();
        LocalDate month = null;
        for (Found f : days) {
            if (f.kind() == Kind.BARE_DAY && month != null && f.date().isBefore(month)
                    && !f.date().plusDays(62).isBefore(month)) {
                Optional<DayResolver.Resolved> r = DayResolver.dayOfMonthFrom(month, f.date().getDayOfMonth(),
                        "day " + f.date().getDayOfMonth() + " of the month named before it");
                if (r.isPresent()) {
                    f = new Found(f.start(), f.end(), f.text(), r.get().date(), r.get().how(), f.kind());
                }
            }
            if (f.kind() == Kind.DAY_OF_MONTH && f.date() != null) {
                month = f.date().withDayOfMonth(1);
            }
            out.add(f);
        }
        return out;
    }

    /** A weekday and a day of the month side by side name one day: the day of the month's. */
    private static List<Found> merged(String text, List<Found> days) {
        List<Found> out = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Found a = days.get(i);
            Found b = i + 1 < days.size() ? days.get(i + 1) : null;
            if (b != null && a.date() != null && b.date() != null && pair(a.kind(), b.kind())
                    && BETWEEN.matcher(text.substring(a.end(), b.start())).matches()) {
                Found dom = a.kind() == Kind.WEEKDAY ? b : a;
                out.add(new Found(a.start(), b.end(), text.substring(a.start(), b.end()), dom.date(),
                        dom.how() + "; the day of the month wins over the weekday named with it", dom.kind()));
                i++;
            } else {
                out.add(a);
            }
        }
        return out;
    }

    private static boolean pair(Kind a, Kind b) {
        return a == Kind.WEEKDAY && b != Kind.WEEKDAY && b != Kind.OTHER || b == Kind.WEEKDAY && a != Kind.WEEKDAY && a != Kind.OTHER;
    }

    private static Optional<DayResolver.Resolved> thisOrNext(Context c, DayOfWeek day, String what) {
        return Optional.of(new DayResolver.Resolved(c.today().with(TemporalAdjusters.nextOrSame(day)),
                what + " read as the " + DayResolver.name(day) + " on or after the arrival day"));
    }

    private static Rule rule(String regex, BiFunction<Matcher, Context, Optional<DayResolver.Resolved>> resolve) {
        return new Rule(Pattern.compile(regex), Kind.OTHER, resolve);
    }

    private static Rule rule(String regex, Kind kind, BiFunction<Matcher, Context, Optional<DayResolver.Resolved>> resolve) {
        return new Rule(Pattern.compile(regex), kind, resolve);
    }
}
