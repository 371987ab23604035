package io.parley.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole service configuration, loaded once at start by {@link ConfigLoader} and passed to whoever needs a
 * part of it. publicBaseUrl is the URL providers call back on; dataDir holds the embedded database and other
 * local files. Secrets print as ****, so the record can be logged.
 */
public record ParleyConfig(Http http, String publicBaseUrl, Path dataDir, Database database, Api api, Paths paths,
                           Dispatch dispatch, Policy policy, Company company, Simulators simulators, Engine engine,
                           Map<Class<?>, Object> sections) {

    public ParleyConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(simulators, "simulators");
        Objects.requireNonNull(engine, "engine");
        sections = Map.copyOf(sections);
    }

    /**
     * A module's section, as read with the rest when it is registered in META-INF/services (see
     * {@link ConfigSections}); a section registered otherwise (a test's own module) has its defaults.
     */
    @SuppressWarnings("unchecked")
    public <C> C section(ConfigSection<C> section) {
        Object value = sections.get(section.getClass());
        if (value == null) {
            Problems problems = new Problems();
            C defaults = section.read(new ConfigReader(Map.of(), problems));
            problems.throwIfAny();
            return defaults;
        }
        return (C) value; // put there by that very section's read
    }

        /** This configuration with other engine settings. */
    public ParleyConfig withEngine(Engine other) {
        return new ParleyConfig(http, publicBaseUrl, dataDir, database, api, paths, dispatch, policy, company,
                simulators, other, sections);
    }

    /**
     * This configuration once the HTTP server is listening on boundPort (which differs from http.port when that
     * is 0). A publicBaseUrl that was the local default follows the bound port; one set explicitly is kept.
     */
    public ParleyConfig withBoundPort(int boundPort) {
        String baseUrl = publicBaseUrl.equals(Http.localUrl(http.port())) ? Http.localUrl(boundPort) : publicBaseUrl;
        return new ParleyConfig(http.onPort(boundPort), baseUrl, dataDir, database,
                api, paths, dispatch, policy, company, simulators, engine, sections);
    }

    static ParleyConfig read(ConfigReader r, List<?> apiKeyEntries) {
        Http http = Http.read(r);
        String localUrl = Http.localUrl(http.port());
        String publicBaseUrl = r.isSet(Setting.PUBLIC_BASE_URL)
                ? r.get(Setting.PUBLIC_BASE_URL, ConfigValues.httpUrl(), localUrl)
                : localUrl;
        Path dataDir = r.get(Setting.DATA_DIR, ConfigValues.path());
        ParleyConfig config = new ParleyConfig(http, publicBaseUrl, dataDir, Database.read(r),
                Api.read(r, apiKeyEntries), Paths.read(r), Dispatch.read(r), Policy.read(r), Company.read(r),
                Simulators.read(r), Engine.read(r), sections(r));
        checkListenPortsDistinct(r, config);
        return config;
    }

    private static Map<Class<?>, Object> sections(ConfigReader r) {
        Map<Class<?>, Object> values = new java.util.HashMap<>();
        for (ConfigSection<?> section : ConfigSections.all()) {
            values.put(section.getClass(), section.read(r));
        }
        return values;
    }

    /** Two servers of this process cannot listen on the same fixed port. */
    private static void checkListenPortsDistinct(ConfigReader r, ParleyConfig config) {
        Map<Setting, Integer> ports = new LinkedHashMap<>();
        ports.put(Setting.HTTP_PORT, config.http().port());
        if (config.database().embedded()) {
            ports.put(Setting.DATABASE_EMBEDDED_PORT, config.database().embeddedPort());
        }
        ports.put(Setting.SIMULATORS_TWILIO_PORT, config.simulators().twilioPort());
        ports.put(Setting.SIMULATORS_SMTP_PORT, config.simulators().smtpPort());
        ports.put(Setting.SIMULATORS_IMAP_PORT, config.simulators().imapPort());
        Map<Integer, Setting> owners = new LinkedHashMap<>();
        ports.forEach((setting, port) -> {
            if (port != 0) {
                Setting owner = owners.putIfAbsent(port, setting);
                if (owner != null) {
                    r.problem(setting, String.valueOf(port), "is already used by " + owner.key());
                }
            }
        });
    }
}
