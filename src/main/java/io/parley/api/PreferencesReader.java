package io.parley.api;

import io.parley.domain.Channel;
import io.parley.policy.ContactPreferences;
import io.parley.policy.InconvenientTime;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.parley.api.JsonFields.OPTIONAL;
import static io.parley.api.JsonFields.REQUIRED;

/**
 * Reads a debtor's contact preferences: {"ceaseAll", "refusedChannels": ["voice"], "inconvenientTimes": [{"days":
 * ["monday"], "from": "12:00", "until": "13:00", "channels": ["voice"]}]}.
 */
final class PreferencesReader {
    static final int MAX_TIMES = 20;
    private static final Set<String> KEYS = Set.of("ceaseAll", "refusedChannels", "inconvenientTimes");
    private static final Set<String> TIME_KEYS = Set.of("days", "from", "until", "channels");

    private PreferencesReader() {
    }

    /** The preferences, or null when fields is null (nothing said: what is stored stays). */
    static ContactPreferences read(JsonFields fields) {
        if (fields == null) {
            return null;
        }
        fields.rejectUnknown(KEYS);
        Boolean cease = fields.bool("ceaseAll", OPTIONAL);
        Set<Channel> refused = channels(fields, "refusedChannels");
        List<JsonFields> timeFields = fields.objects("inconvenientTimes", OPTIONAL);
        if (timeFields.size() > MAX_TIMES) {
            fields.invalid("inconvenientTimes", "must have at most " + MAX_TIMES + " entries");
        }
        List<InconvenientTime> times = new ArrayList<>();
        for (JsonFields t : timeFields) {
            t.rejectUnknown(TIME_KEYS);
            Set<DayOfWeek> days = days(t);
            LocalTime from = time(t, "from");
            LocalTime until = time(t, "until");
            Set<Channel> channels = channels(t, "channels");
            if (from != null && until != null) {
                if (from.equals(until)) {
                    t.invalid("until", "must differ from 'from'");
                } else {
                    times.add(new InconvenientTime(days, from, until, channels));
                }
            }
        }
        return new ContactPreferences(Boolean.TRUE.equals(cease), refused, times);
    }

    private static Set<Channel> channels(JsonFields fields, String key) {
        Set<Channel> out = new java.util.LinkedHashSet<>();
        List<String> names = fields.strings(key, OPTIONAL, 16);
        for (int i = 0; i < names.size(); i++) {
            try {
                out.add(Channel.parse(names.get(i)));
            } catch (IllegalArgumentException e) {
                fields.invalid(key + "[" + i + "]", e.getMessage());
            }
        }
        return out;
    }

    private static Set<DayOfWeek> days(JsonFields fields) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        List<String> names = fields.strings("days", OPTIONAL, 16);
        for (int i = 0; i < names.size(); i++) {
            try {
                out.add(DayOfWeek.valueOf(names.get(i).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                fields.invalid("days[" + i + "]", "'" + names.get(i) + "' is not a day of the week (monday ... sunday)");
            }
        }
        return out;
    }

    private static LocalTime time(JsonFields fields, String key) {
        String text = fields.string(key, REQUIRED);
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            fields.invalid(key, "'" + text + "' is not a local time (HH:mm)");
            return null;
        }
    }
}
