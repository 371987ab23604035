package io.parley.sequence;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The textual forms of durations and times of day in sequence files and snapshots. */
final class WireValues {
    /** Names of sequences, steps and templates. */
    static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Duration LONGEST = Duration.ofDays(365);
    private static final Pattern TIME_OF_DAY = Pattern.compile("\\d{2}:\\d{2}(:\\d{2})?");
    private static final long SECONDS_PER_DAY = 86_400;

    private WireValues() {
    }

    /** Parses an ISO-8601 duration of whole seconds, zero or more, at most {@link #LONGEST}. */
    static Duration duration(String text) {
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration (e.g. PT0S, PT30M, PT2H, P1D)");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative; durations count forward");
        }
        if (duration.getNano() != 0) {
            throw new IllegalArgumentException("'" + text + "' has a fraction of a second; use whole seconds");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("'" + text + "' is longer than " + format(LONGEST));
        }
        return duration;
    }

    /** The shortest readable form: "P1D" for whole days, otherwise java.time's "PT2H30M". */
    static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds > 0 && seconds % SECONDS_PER_DAY == 0) {
            return "P" + seconds / SECONDS_PER_DAY + "D";
        }
        return duration.toString();
    }

    /** Parses "HH:mm" or "HH:mm:ss". */
    static LocalTime timeOfDay(String text) {
        if (TIME_OF_DAY.matcher(text).matches()) {
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a time of day (HH:mm, e.g. \"10:00\")");
    }

    static String format(LocalTime time) {
        return time.toString();
    }
}
