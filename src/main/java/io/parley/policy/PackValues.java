package io.parley.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value formats of rule pack files. Each parser throws IllegalArgumentException with a message that says what
 * was expected, so callers report it against the field it came from.
 */
final class PackValues {
    /** Pack and cap ids: lower-case letters and digits in dash-separated words ("us-regf", "7-in-7"). */
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Duration LONGEST_WINDOW = Duration.ofDays(31);
    private static final Pattern HOURS = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]):([0-5]\\d)");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern REGION = Pattern.compile("([A-Z]{2})-[A-Z0-9]{1,3}");
    private static final Pattern WHOLE_DAYS = Pattern.compile("P([1-9]\\d?)D");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private PackValues() {
    }

    /** Contact hours "HH:mm-HH:mm": from (inclusive) before until (exclusive), both on the same day. */
    record Hours(LocalTime from, LocalTime until) {
    }

    static Hours hours(String text) {
        Matcher m = HOURS.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a time range HH:mm-HH:mm (e.g. \"08:00-21:00\")");
        }
        LocalTime from = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        LocalTime until = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("'" + text + "' must start before it ends, within one day");
        }
        return new Hours(from, until);
    }

    /** A rolling cap window: an ISO-8601 duration (P7D, PT12H), positive and at most P31D. */
    static Duration window(String text) {
        Duration window = duration(text);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
        }
        if (window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than P31D, the longest window history covers");
        }
        return window;
    }

    /** A lockout counted in local days: "P1D" to "P31D". */
    static Duration wholeDays(String text) {
        Matcher m = WHOLE_DAYS.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' must be whole days from P1D to P31D (e.g. P7D);"
                    + " leave the field out for no lockout");
        }
        Duration days = Duration.ofDays(Integer.parseInt(m.group(1)));
        if (days.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than P31D, the longest window history covers");
        }
        return days;
    }

    static DayOfWeek day(String text) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).equals(text)) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown day '" + text + "' (expected one of monday, tuesday, wednesday,"
                + " thursday, friday, saturday, sunday)");
    }

    /** An ISO 3166-1 alpha-2 country code in upper case. */
    static String country(String text) {
        if (!COUNTRY.matcher(text).matches() || !COUNTRIES.contains(text)) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO 3166-1 alpha-2 country code in upper case"
                    + " (e.g. US, GB, CN)");
        }
        return text;
    }

    /** A country and region in upper case, "US-MA": an ISO 3166-2 subdivision code. */
    static String region(String text) {
        Matcher m = REGION.matcher(text);
        if (!m.matches() || !COUNTRIES.contains(m.group(1))) {
            throw new IllegalArgumentException("'" + text + "' is not a region COUNTRY-REGION in upper case (e.g. US-MA)");
        }
        return text;
    }

    /**
     * Parses a lower-case wire name with the enum's own parser, refusing other spellings so that every file spells
     * a value one way.
     */
    static <E> Function<String, E> exact(Function<String, E> parse, Function<E, String> wire) {
        return text -> {
            E value = parse.apply(text);
            if (!wire.apply(value).equals(text)) {
                throw new IllegalArgumentException("'" + text + "' must be written '" + wire.apply(value) + "'");
            }
            return value;
        };
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration (e.g. P7D, PT12H)");
        }
    }
}
