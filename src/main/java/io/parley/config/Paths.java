package io.parley.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Directories of the definition files the service loads: contact sequences, message templates, rule packs, and the
 * reply classifier's keywords and phrases.
 */
public record Paths(Path sequences, Path templates, Path policies, Path replies) {

    public Paths {
        Objects.requireNonNull(sequences, "sequences");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(replies, "replies");
    }

    static Paths read(ConfigReader r) {
        return new Paths(
                r.get(Setting.PATHS_SEQUENCES, ConfigValues.path()),
                r.get(Setting.PATHS_TEMPLATES, ConfigValues.path()),
                r.get(Setting.PATHS_POLICIES, ConfigValues.path()),
                r.get(Setting.PATHS_REPLIES, ConfigValues.path()));
    }
}
