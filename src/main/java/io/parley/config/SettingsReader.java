package io.parley.config;

/**
 * Reads typed values of settings (a module's section among them). A bad value is reported naming the key, its
 * environment variable, the value (masked for secrets) and what is expected; reading goes on with the default so
 * that every problem is reported together.
 */
public interface SettingsReader {

    /** The trimmed text of a setting: its configured value or its default. */
    String text(Setting setting);

    /** Whether the setting has a non-empty value. */
    boolean isSet(Setting setting);

    /** The setting parsed; a bad value is reported and the default's parse stands in for it. */
    <T> T get(Setting setting, ValueParser<T> parser);

    /** Reports a problem with a setting that is not about its form (e.g. a missing companion setting). */
    void problem(Setting setting, String message);
}
