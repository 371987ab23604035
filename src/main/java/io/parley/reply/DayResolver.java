package io.parley.reply;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/** The day arithmetic of {@link DateFinder}: from the arrival day to the day a phrase names. */
final class DayResolver {
    /** A day and how it was worked out; a null date is a period that names no day ("next week"). */
    record Resolved(LocalDate date, String how) {
    }

    private DayResolver() {
    }

    static Optional<Resolved> plusDays(DateFinder.Context c, int days, String how) {
        return Optional.of(new Resolved(c.today().plusDays(days), how));
    }

    static Optional<Resolved> vague(String what) {
        return Optional.of(new Resolved(null, what + " names no day"));
    }

    /** A bare weekday: the first day with that name after the arrival day. */
    static Optional<Resolved> next(DateFinder.Context c, DayOfWeek day) {
        return day == null ? Optional.empty() : Optional.of(new Resolved(c.today().with(TemporalAdjusters.next(day)),
                "the first " + name(day) + " after the arrival day"));
    }

    /** "this Friday": the Friday of the arrival week, or the next one when it is past. */
    static Optional<Resolved> thisWeek(DateFinder.Context c, DayOfWeek day) {
        return day == null ? Optional.empty() : Optional.of(new Resolved(
                c.today().with(TemporalAdjusters.nextOrSame(day)), "the " + name(day) + " of the arrival week"));
    }

    /** "next Friday", 下周五: the Friday of the week after the arrival week (weeks run Monday to Sunday). */
    static Optional<Resolved> nextWeek(DateFinder.Context c, DayOfWeek day) {
        return day == null ? Optional.empty() : Optional.of(new Resolved(c.today()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1).with(day),
                "the " + name(day) + " of the week after the arrival week"));
    }

    static Optional<Resolved> inDaysOrWeeks(DateFinder.Context c, String count, String unit) {
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

    static Optional<Resolved> numeric(Matcher m, DateFinder.Context c) {
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
    static Optional<Resolved> monthDay(DateFinder.Context c, Integer month, int day, String year) {
        if (month == null || month < 1 || month > 12 || day < 1 || day > 31) {
            return Optional.empty();
        }
        if (year != null) {
            int y = Integer.parseInt(year);
            y = y < 100 ? 2000 + y : y;
            if (day > YearMonth.of(y, month).lengthOfMonth()) {
                return Optional.empty();
            }
            return Optional.of(new Resolved(LocalDate.of(y, month, day), "the date as written"));
        }
        for (int y = c.today().getYear(); y <= c.today().getYear() + 8; y++) {
            if (day <= YearMonth.of(y, month).lengthOfMonth()) {
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
    static Optional<Resolved> dayOfMonthFrom(LocalDate from, int day, String what) {
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

    static Optional<Integer> day(String text) {
        BigDecimal n = ChineseNumber.parseOrDigits(text);
        return n == null ? Optional.empty() : Optional.of(n.intValue());
    }

    static DayOfWeek weekdayEn(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        // slips that keep the first letters of another day ("frdy", "thrusday", "wensday", "mndy")
        if (w.startsWith("fr")) {
            return DayOfWeek.FRIDAY;
        } else if (w.startsWith("thr")) {
            return DayOfWeek.THURSDAY;
        } else if (w.startsWith("mn")) {
            return DayOfWeek.MONDAY;
        } else if (w.startsWith("wen")) {
            return DayOfWeek.WEDNESDAY;
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(w.substring(0, 3))) {
                return d;
            }
        }
        return null;
    }

    static DayOfWeek weekdayZh(String c) {
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

    static Integer monthEn(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (java.time.Month month : java.time.Month.values()) {
            if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(w.substring(0, 3))) {
                return month.getValue();
            }
        }
        return null;
    }

    static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
