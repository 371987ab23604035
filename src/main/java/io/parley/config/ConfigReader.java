package io.parley.config;

import java.util.Map;

/**
 * Reads typed settings from their merged text values (defaults, then file, then environment). A bad value is
 * recorded as a problem naming the key, its variable, the value (masked for secrets) and what is expected, and
 * the default stands in for it so that reading goes on and every problem is reported together.
 */
final class ConfigReader implements SettingsReader {

    private final Map<Setting, String> values;
    private final Problems problems;

    ConfigReader(Map<Setting, String> values, Problems problems) {
        this.values = values;
        this.problems = problems;
    }

    /** The trimmed text of a setting: its configured value or its default. */
    @Override
    public String text(Setting setting) {
        String value = values.get(setting);
        return (value == null ? setting.defaultValue() : value).trim();
    }

    @Override
    public boolean isSet(Setting setting) {
        return !text(setting).isEmpty();
    }

    @Override
    public <T> T get(Setting setting, ValueParser<T> parser) {
        String text = text(setting);
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            problem(setting, text, e.getMessage());
            return parser.parse(setting.defaultValue());
        }
    }

    /** As {@link #get(Setting, ValueParser)}, with the stand-in for a bad value given (for derived defaults). */
    <T> T get(Setting setting, ValueParser<T> parser, T fallback) {
        String text = text(setting);
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            problem(setting, text, e.getMessage());
            return fallback;
        }
    }

    /** Records a bad value: "http.port (PARLEY_HTTP_PORT): 'abc' is not a port number (...)". */
    void problem(Setting setting, String text, String expected) {
        problems.add(setting.label() + ": '" + shown(setting, text) + "' " + expected);
    }

    /** Records a problem that is not about the value's form, e.g. a missing companion setting. */
    @Override
    public void problem(Setting setting, String message) {
        problems.add(setting.label() + ": " + message);
    }

    /** Records a problem that concerns no single setting (e.g. an entry of api.keys). */
    void problem(String message) {
        problems.add(message);
    }

    private static String shown(Setting setting, String text) {
        if (setting == Setting.DATABASE_URL) {
            return DatabaseUrl.mask(text);
        }
        return setting.secret() && !text.isEmpty() ? "****" : text;
    }
}
