package io.parley.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Dates and instants as the API reads them: ISO-8601 text in the years a date or an instant may fall in (anything else
 * is a mistake, and arithmetic on it overflows).
 */
final class JsonTimes {
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;
    private static final String IN_RANGE = " between " + FIRST_YEAR + "-01-01 and " + LAST_YEAR + "-12-31";
    static final String INSTANT_RULE = "must be an ISO-8601 date-time with an offset, such as 2025-03-01T09:00:00Z,"
            + IN_RANGE;
    static final String DATE_RULE = "must be an ISO-8601 date such as 2025-03-01," + IN_RANGE;

    private JsonTimes() {
    }

    /** "2025-03-01T09:00:00+08:00", "...Z", in range; empty when the text is not one. */
    static Optional<Instant> instant(String text) {
        return parse(text, s -> OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                OffsetDateTime::getYear).map(OffsetDateTime::toInstant);
    }

    /** "2025-03-01", in range; empty when the text is not one. */
    static Optional<LocalDate> date(String text) {
        return parse(text, s -> LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE), LocalDate::getYear);
    }

    private static <T> Optional<T> parse(String text, Function<String, T> parse, ToIntFunction<T> year) {
        try {
            T value = parse.apply(text);
            int y = year.applyAsInt(value);
            return y >= FIRST_YEAR && y <= LAST_YEAR ? Optional.of(value) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
