package io.parley.config;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The configuration sections modules bring, found with {@link ServiceLoader} (a line in
 * META-INF/services/io.parley.config.ConfigSection names each), so that the configuration knows every key without
 * knowing the modules.
 */
public final class ConfigSections {
    private static final List<ConfigSection<?>> ALL = load();

    private ConfigSections() {
    }

    public static List<ConfigSection<?>> all() {
        return ALL;
    }

    @SuppressWarnings("rawtypes")
    private static List<ConfigSection<?>> load() {
        List<ConfigSection<?>> sections = new java.util.ArrayList<>();
        for (ConfigSection section : ServiceLoader.load(ConfigSection.class)) {
            sections.add(section);
        }
        return List.copyOf(sections);
    }
}
