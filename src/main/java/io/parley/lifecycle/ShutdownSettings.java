package io.parley.lifecycle;

import io.parley.config.ConfigSection;
import io.parley.config.ConfigValues;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;

import java.time.Duration;
import java.util.List;

/**
 * shutdown.grace: on SIGTERM the instance stops claiming and gives the provider calls under way this long to be
 * answered and recorded before it closes (a call still out then stays SENDING and is reconciled later).
 */
public final class ShutdownSettings implements ConfigSection<Duration> {
    static final Setting GRACE = Setting.of("shutdown.grace", "PT30S");

    @Override
    public List<Setting> settings() {
        return List.of(GRACE);
    }

    @Override
    public Duration read(SettingsReader reader) {
        return reader.get(GRACE, ConfigValues.nonNegativeDuration());
    }
}
