package io.parley.config;

import java.nio.file.Path;
import java.util.Objects;

/** Directories of the definition files the service loads: contact sequences, message templates, policies. */
public record Paths(Path sequences, Path templates, Path policies) {

    public Paths {
        Objects.requireNonNull(sequences, "sequences");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(policies, "policies");
    }

    static Paths read(ConfigReader r) {
        return new Paths(
                r.get(Setting.PATHS_SEQUENCES, ConfigValues.path()),
                r.get(Setting.PATHS_TEMPLATES, ConfigValues.path()),
                r.get(Setting.PATHS_POLICIES, ConfigValues.path()));
    }
}
