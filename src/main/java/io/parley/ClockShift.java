package io.parley;

import io.parley.config.ConfigSection;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * clock.offset: the service's clock runs this far ahead of (or, negative, behind) the machine's. For drills and
 * benchmarks that must see contact hours open without waiting for them (a night's deferrals released at 08:00);
 * never set it in production, where every decision must be taken on the real time.
 */
public final class ClockShift implements ConfigSection<Duration> {
    static final Setting OFFSET = Setting.of("clock.offset", "PT0S");

    @Override
    public List<Setting> settings() {
        return List.of(OFFSET);
    }

    @Override
    public Duration read(SettingsReader reader) {
        return reader.get(OFFSET, text -> {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not an ISO-8601 duration (e.g. PT0S, PT6H, -PT30M)", e);
            }
        });
    }

    /** The machine's UTC clock moved by the offset (the machine's clock itself when it is zero). */
    static Clock clock(Duration offset) {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }
}
