package io.parley.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** How rules read in reasons and facts. */
final class Words {
    private Words() {
    }

    /** "Saturday, Sunday", in week order. */
    static String days(Collection<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
    }

    /** "P7D" for whole days, otherwise the ISO-8601 duration ("PT12H"). */
    static String duration(Duration duration) {
        long days = duration.toDays();
        return duration.equals(Duration.ofDays(days)) ? "P" + days + "D" : duration.toString();
    }
}
