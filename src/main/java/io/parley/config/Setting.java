package io.parley.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every single-valued configuration key, with its built-in default. The dotted key is the name used in
 * conf/parley.yaml; {@link #envVar()} is the environment variable that overrides it. The structured list
 * {@value #API_KEYS} is not a setting: it can only be written in the file.
 */
public enum Setting {
    HTTP_HOST("http.host", "0.0.0.0"),
    HTTP_PORT("http.port", "8080"),
    HTTP_MAX_BODY_BYTES("http.maxBodyBytes", "65536"),
    /** Empty means "http://localhost:" + http.port. */
    PUBLIC_BASE_URL("public.baseUrl", ""),
    DATA_DIR("data.dir", "./data"),

    DATABASE_URL("database.url", "", true),
    DATABASE_HOST("database.host", ""),
    DATABASE_PORT("database.port", "5432"),
    DATABASE_NAME("database.name", "parley"),
    DATABASE_USER("database.user", "parley"),
    DATABASE_PASSWORD("database.password", "", true),
    DATABASE_POOL_SIZE("database.poolSize", "8"),
    DATABASE_EMBEDDED_PORT("database.embeddedPort", "0"),

    API_KEY("api.key", "", true),

    PATHS_SEQUENCES("paths.sequences", "conf/sequences"),
    PATHS_TEMPLATES("paths.templates", "conf/templates"),
    PATHS_POLICIES("paths.policies", "conf/policies"),
    PATHS_REPLIES("paths.replies", "conf/replies"),

    DISPATCH_BATCH_SIZE("dispatch.batchSize", "256"),
    DISPATCH_POLL_INTERVAL("dispatch.pollInterval", "PT0.25S"),
    DISPATCH_LEASE("dispatch.lease", "PT30S"),
    DISPATCH_SENDING_TIMEOUT("dispatch.sendingTimeout", "PT2M"),
    DISPATCH_OUTCOME_TIMEOUT("dispatch.outcomeTimeout", "PT15M"),
    DISPATCH_RELEASE_SPREAD("dispatch.releaseSpread", "PT2M"),
    DISPATCH_ENABLED("dispatch.enabled", "true"),

    POLICY_DEFAULT_ZONE("policy.defaultZone", "America/New_York"),
    POLICY_PROMISE_GRACE("policy.promiseGrace", "P2D"),

    SMS_TWILIO_ACCOUNT_SID("sms.twilio.accountSid", ""),
    SMS_TWILIO_AUTH_TOKEN("sms.twilio.authToken", "", true),
    SMS_TWILIO_BASE_URL("sms.twilio.baseUrl", "https://api.twilio.com"),
    SMS_FROM("sms.from", "+15005550006"),
    SMS_WORKERS("sms.workers", "16"),
    SMS_TIMEOUT("sms.timeout", "PT10S"),

    EMAIL_SMTP_HOST("email.smtp.host", ""),
    EMAIL_SMTP_PORT("email.smtp.port", "587"),
    EMAIL_SMTP_USER("email.smtp.user", ""),
    EMAIL_SMTP_PASSWORD("email.smtp.password", "", true),
    EMAIL_SMTP_START_TLS("email.smtp.startTls", "true"),
    EMAIL_FROM("email.from", "Parley Demo Lending <collections@parley.local>"),
    EMAIL_REPLY_DOMAIN("email.replyDomain", "parley.local"),
    EMAIL_WORKERS("email.workers", "8"),
    EMAIL_TIMEOUT("email.timeout", "PT20S"),
    EMAIL_IMAP_HOST("email.imap.host", ""),
    EMAIL_IMAP_PORT("email.imap.port", "993"),
    EMAIL_IMAP_SSL("email.imap.ssl", "true"),
    EMAIL_IMAP_USER("email.imap.user", ""),
    EMAIL_IMAP_PASSWORD("email.imap.password", "", true),
    EMAIL_IMAP_FOLDER("email.imap.folder", "INBOX"),
    EMAIL_IMAP_POLL_INTERVAL("email.imap.pollInterval", "PT30S"),

    COMPANY_NAME("company.name", "Parley Demo Lending"),
    COMPANY_PHONE("company.phone", "+18005550199"),
    COMPANY_PAY_URL("company.payUrl", "https://parley.local/pay"),

    /** Empty means events are not pushed, only available by pull (GET /v1/events). */
    ENGINE_WEBHOOK_URL("engine.webhookUrl", ""),
    ENGINE_WEBHOOK_SECRET("engine.webhookSecret", "", true),
    ENGINE_TIMEOUT("engine.timeout", "PT10S"),
    ENGINE_MAX_BACKOFF("engine.maxBackoff", "PT1H"),
    ENGINE_BATCH_SIZE("engine.batchSize", "50"),

    SIMULATORS_HOST("simulators.host", "127.0.0.1"),
    SIMULATORS_TWILIO_PORT("simulators.twilioPort", "0"),
    SIMULATORS_SMTP_PORT("simulators.smtpPort", "0"),
    SIMULATORS_IMAP_PORT("simulators.imapPort", "0"),
    SIMULATORS_DELIVERY_DELAY("simulators.deliveryDelay", "PT0.5S");

    /** The list of named API keys; file only. */
    public static final String API_KEYS = "api.keys";
    /** Prefix shared by every environment variable the service reads. */
    public static final String ENV_PREFIX = "PARLEY_";

    private static final Map<String, Setting> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Setting::key, Function.identity()));
    private static final Map<String, Setting> BY_ENV_VAR =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Setting::envVar, Function.identity()));

    private final String key;
    private final String defaultValue;
    private final boolean secret;
    private final String envVar;

    Setting(String key, String defaultValue) {
        this(key, defaultValue, false);
    }

    Setting(String key, String defaultValue, boolean secret) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.envVar = envVarOf(key);
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
        return Optional.ofNullable(BY_KEY.get(key));
    }

    public static Optional<Setting> byEnvVar(String name) {
        return Optional.ofNullable(BY_ENV_VAR.get(name));
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
        return API_KEYS.startsWith(prefix) || BY_KEY.keySet().stream().anyMatch(k -> k.startsWith(prefix));
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
