package io.parley.config;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A single-valued configuration key, with its built-in default: the service's own are named here, and each module
 * (a channel) declares its section's keys in its own package with {@link #of} and {@link #secret}. The dotted key is the name used in
 * conf/parley.yaml; {@link #envVar()} is the environment variable that overrides it. The structured list
 * {@value #API_KEYS} is not a setting: it can only be written in the file.
 */
public final class Setting {
    /** Loopback unless set: a run with nothing configured is reachable from this machine only. */
    public static final Setting HTTP_HOST = core("http.host", "127.0.0.1", false);
    public static final Setting HTTP_PORT = core("http.port", "8080", false);
    public static final Setting HTTP_MAX_BODY_BYTES = core("http.maxBodyBytes", "65536", false);
    /** How many HTTP server verticles share http.port, each on an event loop of its own. */
    public static final Setting HTTP_INSTANCES = core("http.instances", "0", false);
    public static final Setting HTTP_MAX_REQUEST_LINE_BYTES = core("http.maxRequestLineBytes", "4096", false);
    public static final Setting HTTP_MAX_HEADER_BYTES = core("http.maxHeaderBytes", "8192", false);
    public static final Setting HTTP_MAX_FORM_FIELDS = core("http.maxFormFields", "100", false);
    public static final Setting HTTP_MAX_FORM_FIELD_BYTES = core("http.maxFormFieldBytes", "8192", false);
    public static final Setting HTTP_IDLE_TIMEOUT = core("http.idleTimeout", "PT60S", false);
    public static final Setting HTTP_READ_TIMEOUT = core("http.readTimeout", "PT10S", false);
    public static final Setting HTTP_ANSWER_TIMEOUT = core("http.answerTimeout", "PT30S", false);
    /** Empty means "http://localhost:" + http.port. */
    public static final Setting PUBLIC_BASE_URL = core("public.baseUrl", "", false);
    public static final Setting DATA_DIR = core("data.dir", "./data", false);

    public static final Setting DATABASE_URL = core("database.url", "", true);
    public static final Setting DATABASE_HOST = core("database.host", "", false);
    public static final Setting DATABASE_PORT = core("database.port", "5432", false);
    public static final Setting DATABASE_NAME = core("database.name", "parley", false);
    public static final Setting DATABASE_USER = core("database.user", "parley", false);
    public static final Setting DATABASE_PASSWORD = core("database.password", "", true);
    public static final Setting DATABASE_POOL_SIZE = core("database.poolSize", "8", false);
    public static final Setting DATABASE_EMBEDDED_PORT = core("database.embeddedPort", "0", false);

    public static final Setting API_KEY = core("api.key", "", true);

    public static final Setting PATHS_SEQUENCES = core("paths.sequences", "conf/sequences", false);
    public static final Setting PATHS_TEMPLATES = core("paths.templates", "conf/templates", false);
    public static final Setting PATHS_POLICIES = core("paths.policies", "conf/policies", false);
    public static final Setting PATHS_REPLIES = core("paths.replies", "conf/replies", false);

    public static final Setting DISPATCH_BATCH_SIZE = core("dispatch.batchSize", "256", false);
    public static final Setting DISPATCH_POLL_INTERVAL = core("dispatch.pollInterval", "PT0.25S", false);
    public static final Setting DISPATCH_LEASE = core("dispatch.lease", "PT30S", false);
    public static final Setting DISPATCH_SENDING_TIMEOUT = core("dispatch.sendingTimeout", "PT2M", false);
    public static final Setting DISPATCH_OUTCOME_TIMEOUT = core("dispatch.outcomeTimeout", "PT15M", false);
    public static final Setting DISPATCH_RELEASE_SPREAD = core("dispatch.releaseSpread", "PT2M", false);
    public static final Setting DISPATCH_ENABLED = core("dispatch.enabled", "true", false);
    /** Dispatcher verticles, each on an event loop of its own; 0 = one per CPU core. */
    public static final Setting DISPATCH_INSTANCES = core("dispatch.instances", "0", false);
    public static final Setting DISPATCH_MAX_IN_FLIGHT = core("dispatch.maxInFlight", "64", false);

    public static final Setting POLICY_DEFAULT_ZONE = core("policy.defaultZone", "America/New_York", false);
    public static final Setting POLICY_PROMISE_GRACE = core("policy.promiseGrace", "P2D", false);

    public static final Setting COMPANY_NAME = core("company.name", "Parley Demo Lending", false);
    public static final Setting COMPANY_PHONE = core("company.phone", "+18005550199", false);
    public static final Setting COMPANY_PAY_URL = core("company.payUrl", "https://parley.local/pay", false);

    /** Empty means events are not pushed, only available by pull (GET /v1/events). */
    public static final Setting ENGINE_WEBHOOK_URL = core("engine.webhookUrl", "", false);
    public static final Setting ENGINE_WEBHOOK_SECRET = core("engine.webhookSecret", "", true);
    public static final Setting ENGINE_TIMEOUT = core("engine.timeout", "PT10S", false);
    public static final Setting ENGINE_MAX_BACKOFF = core("engine.maxBackoff", "PT1H", false);
    public static final Setting ENGINE_BATCH_SIZE = core("engine.batchSize", "50", false);

    public static final Setting SIMULATORS_HOST = core("simulators.host", "127.0.0.1", false);
    public static final Setting SIMULATORS_TWILIO_PORT = core("simulators.twilioPort", "0", false);
    public static final Setting SIMULATORS_SMTP_PORT = core("simulators.smtpPort", "0", false);
    public static final Setting SIMULATORS_IMAP_PORT = core("simulators.imapPort", "0", false);
    public static final Setting SIMULATORS_DELIVERY_DELAY = core("simulators.deliveryDelay", "PT0.5S", false);


    /** The list of named API keys; file only. */
    public static final String API_KEYS = "api.keys";
    /** Prefix shared by every environment variable the service reads. */
    public static final String ENV_PREFIX = "PARLEY_";


    private final String key;
    private final String defaultValue;
    private final boolean secret;
    private final String envVar;

    private Setting(String key, String defaultValue, boolean secret) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.envVar = envVarOf(key);
    }

    private static Setting core(String key, String defaultValue, boolean secret) {
        Setting setting = new Setting(key, defaultValue, secret);
        Registry.core(setting);
        return setting;
    }

    /** A module's setting (a channel's section), with its default: declared once, in the module's package. */
    public static Setting of(String key, String defaultValue) {
        return new Setting(key, defaultValue, false);
    }

    /** A module's setting whose value must never appear in messages or logs. */
    public static Setting secret(String key, String defaultValue) {
        return new Setting(key, defaultValue, true);
    }

    /**
     * Every known setting: the service's own, then those of the modules' sections registered in META-INF/services
     * ({@link ConfigSections}).
     */
    public static List<Setting> values() {
        return Registry.all();
    }

    /** The dotted name, as written in conf/parley.yaml. */
    public String key() {
        return key;
    }

    /** The built-in default, in the same text form as the file and the environment. */
    public String defaultValue() {
        return defaultValue;
    }

    /** Whether the value must never appear in messages or logs. */
    public boolean secret() {
        return secret;
    }

    /** The overriding environment variable, e.g. PARLEY_HTTP_MAX_BODY_BYTES for http.maxBodyBytes. */
    public String envVar() {
        return envVar;
    }

    /** "key (ENV_VAR)", the way every message refers to a setting. */
    public String label() {
        return key + " (" + envVar + ")";
    }

    public static Optional<Setting> byKey(String key) {
        return values().stream().filter(s -> s.key.equals(key)).findFirst();
    }

    public static Optional<Setting> byEnvVar(String name) {
        return values().stream().filter(s -> s.envVar.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }

    /**
     * Maps a dotted key to its environment variable: dots become underscores, each camelCase hump starts a
     * new word, everything is upper case, and PARLEY_ is prepended (public.baseUrl -> PARLEY_PUBLIC_BASE_URL).
     */
    public static String envVarOf(String key) {
        StringBuilder name = new StringBuilder(ENV_PREFIX);
        char previous = '.';
        for (char c : key.toCharArray()) {
            if (c == '.' || c == '-') {
                name.append('_');
            } else {
                if (Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous))) {
                    name.append('_');
                }
                name.append(Character.toUpperCase(c));
            }
            previous = c;
        }
        return name.toString();
    }

    /** Whether the dotted path names a section of the file (a map that holds keys), e.g. "sms.twilio". */
    static boolean isSection(String path) {
        String prefix = path + ".";
        return API_KEYS.startsWith(prefix) || values().stream().anyMatch(s -> s.key.startsWith(prefix));
    }

    /** The names directly under a section ("" for the top level), in declaration order. */
    static List<String> childrenOf(String section) {
        String prefix = section.isEmpty() ? "" : section + ".";
        Set<String> children = new LinkedHashSet<>();
        for (Setting s : values()) {
            addChild(children, prefix, s.key);
        }
        addChild(children, prefix, API_KEYS);
        return List.copyOf(children);
    }

    private static void addChild(Set<String> children, String prefix, String key) {
        if (key.startsWith(prefix)) {
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            children.add(dot < 0 ? rest : rest.substring(0, dot));
        }
    }

    static Set<String> allKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Setting s : values()) {
            keys.add(s.key);
        }
        keys.add(API_KEYS);
        return Collections.unmodifiableSet(keys);
    }
}
