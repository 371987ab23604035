package io.parley.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the configuration once, at start. Sources, later ones winning: built-in defaults, the YAML file, the
 * environment. Every problem found is reported together in one {@link ConfigException}.
 *
 * <p>The file is {@code PARLEY_CONFIG} when that variable is set (and must then exist), else
 * {@value #DEFAULT_FILE_NAME}, which may be absent: the defaults then apply.
 */
public final class ConfigLoader {

    public static final String DEFAULT_FILE_NAME = "conf/parley.yaml";
    public static final Path DEFAULT_FILE = Path.of(DEFAULT_FILE_NAME);
    /** The environment variable naming the configuration file. */
    public static final String CONFIG_FILE_ENV = ConfigEnvironment.CONFIG_FILE;

    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private ConfigLoader() {
    }

    /** The file to load: PARLEY_CONFIG if set, else conf/parley.yaml. */
    public static Path configFile(Map<String, String> env) {
        String named = env.get(CONFIG_FILE_ENV);
        return named == null || named.isBlank() ? DEFAULT_FILE : Path.of(named.trim());
    }

    /** Loads the file {@link #configFile(Map)} names, overridden by env (pass System.getenv()). */
    public static ParleyConfig load(Map<String, String> env) {
        return load(configFile(env), env);
    }

    /**
     * Loads file, overridden by env. A missing file is an error unless it is the default file and PARLEY_CONFIG
     * is not set, in which case the built-in defaults apply.
     */
    public static ParleyConfig load(Path file, Map<String, String> env) {
        Objects.requireNonNull(file, "file");
        String named = env.get(CONFIG_FILE_ENV);
        boolean explicit = (named != null && !named.isBlank())
                || !file.toAbsolutePath().normalize().equals(DEFAULT_FILE.toAbsolutePath().normalize());
        return load(file, explicit, env);
    }

    static ParleyConfig load(Path file, boolean required, Map<String, String> env) {
        Problems problems = new Problems();
        ConfigFile fromFile = ConfigFile.NONE;
        if (Files.exists(file)) {
            fromFile = ConfigFile.read(file, problems);
        } else if (required) {
            throw new ConfigException(List.of(CONFIG_FILE_ENV + ": configuration file '" + file.toAbsolutePath()
                    + "' does not exist"));
        } else {
            LOG.info("No configuration file at {}: using built-in defaults and PARLEY_* variables",
                    file.toAbsolutePath());
        }
        for (String unknown : ConfigEnvironment.unknownVariables(env)) {
            LOG.warn("Environment variable {} is not a Parley setting and is ignored{}", unknown,
                    unknown.equals(Setting.envVarOf(Setting.API_KEYS)) ? " (api.keys can only be set in the file)" : "");
        }
        Map<Setting, String> values = new java.util.LinkedHashMap<>();
        values.putAll(fromFile.values());
        Map<Setting, String> fromEnv = ConfigEnvironment.settings(env);
        values.putAll(fromEnv);
        ParleyConfig config = build(values, fromFile.apiKeys(), problems);
        if (config.api().open()) {
            LOG.warn("No API key configured ({} or {}): every API request will be refused with 401",
                    Setting.API_KEY.label(), Setting.API_KEYS);
        }
        LOG.info("Configuration loaded from {} with {} environment override(s){}", Files.exists(file)
                        ? file.toAbsolutePath() : "built-in defaults", fromEnv.size(),
                fromEnv.isEmpty() ? "" : ": " + fromEnv.keySet().stream().map(Setting::envVar).toList());
        return config;
    }

    /** The built-in defaults alone. */
    public static ParleyConfig defaults() {
        return fromMap(Map.of());
    }

    /**
     * The defaults with some settings replaced, keyed by dotted name ("http.port" -> "0"). Meant for tests and
     * tools; unknown keys and bad values throw ConfigException as when loading. api.keys cannot be given here.
     */
    public static ParleyConfig fromMap(Map<String, String> overrides) {
        Problems problems = new Problems();
        Map<Setting, String> values = new java.util.LinkedHashMap<>();
        overrides.forEach((key, value) -> Setting.byKey(key).ifPresentOrElse(
                setting -> values.put(setting, Objects.requireNonNull(value, key)),
                () -> problems.add("unknown key '" + key + "' (not a Parley setting)")));
        return build(values, List.of(), problems);
    }

    private static ParleyConfig build(Map<Setting, String> values, List<?> apiKeys, Problems problems) {
        ParleyConfig config = ParleyConfig.read(new ConfigReader(values, problems), apiKeys);
        problems.throwIfAny();
        return config;
    }
}
