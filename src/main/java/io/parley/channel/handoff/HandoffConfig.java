package io.parley.channel.handoff;

import io.parley.config.ConfigSection;
import io.parley.config.ConfigValues;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;

import java.time.Duration;
import java.util.List;

/**
 * The hand-off steps' settings (section {@code handoff}).
 *
 * @param visitDeadline how long a field visit task stays open for its outcome; then it takes the {@code timeout}
 *                      branch
 * @param pollInterval  how often tasks past their deadline are looked for
 */
public record HandoffConfig(Duration visitDeadline, Duration pollInterval) {
    static final Setting VISIT_DEADLINE = Setting.of("handoff.visitDeadline", "P3D");
    static final Setting POLL_INTERVAL = Setting.of("handoff.pollInterval", "PT5S");

    /** The handoff section of the configuration. */
    public static final class Section implements ConfigSection<HandoffConfig> {
        @Override
        public List<Setting> settings() {
            return List.of(VISIT_DEADLINE, POLL_INTERVAL);
        }

        @Override
        public HandoffConfig read(SettingsReader reader) {
            return new HandoffConfig(reader.get(VISIT_DEADLINE, ConfigValues.positiveDuration()),
                    reader.get(POLL_INTERVAL, ConfigValues.positiveDuration()));
        }
    }
}
