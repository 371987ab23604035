package io.parley.config;

import java.util.List;

/**
 * A part of the configuration that belongs to one module (a channel's section): its keys with their defaults,
 * and how its typed value is read from them. The keys are checked, overridden from the environment and reported
 * like every other setting; unknown keys in the section are an error.
 *
 * @param <C> the section's typed value
 */
public interface ConfigSection<C> {

    /** The section's keys, e.g. sms.from, each with its default. */
    List<Setting> settings();

    /** Reads the typed value; bad values are reported through the reader, naming key and variable. */
    C read(SettingsReader reader);
}
