package io.parley.config;

import java.util.List;
import java.util.Map;

/**
 * The settings given as environment variables (PARLEY_HTTP_PORT for http.port...). They win over the file.
 * Other PARLEY_* variables are most likely misspelt settings and are reported.
 */
final class ConfigEnvironment {

    /** Names the configuration file to load; not a setting. */
    static final String CONFIG_FILE = "PARLEY_CONFIG";
    /** Read by logback.xml, not by the configuration. */
    static final java.util.Set<String> LOGGING = java.util.Set.of("PARLEY_LOG_FORMAT", "PARLEY_LOG_LEVEL");

    private ConfigEnvironment() {
    }

    static Map<Setting, String> settings(Map<String, String> env) {
        Map<Setting, String> values = new java.util.LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            String value = env.get(setting.envVar());
            if (value != null) {
                values.put(setting, value);
            }
        }
        return values;
    }

    /** PARLEY_* variables that name no setting, sorted. */
    static List<String> unknownVariables(Map<String, String> env) {
        return env.keySet().stream()
                .filter(name -> name.startsWith(Setting.ENV_PREFIX))
                .filter(name -> !name.equals(CONFIG_FILE) && !LOGGING.contains(name))
                .filter(name -> Setting.byEnvVar(name).isEmpty())
                .sorted()
                .toList();
    }
}
