package io.parley.config;

import io.parley.channel.email.Email;
import io.parley.channel.email.Imap;
import io.parley.channel.sms.Sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("parley.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void fileOverridesDefaultsAndEnvironmentOverridesFile() throws IOException {
        Path file = write("""
                http:
                  port: 9090
                  maxBodyBytes: 1024
                dispatch:
                  batchSize: 10
                """);
        ParleyConfig config = ConfigLoader.load(file, Map.of(
                "PARLEY_HTTP_PORT", "7070",
                "PARLEY_DISPATCH_POLL_INTERVAL", "PT1S"));
        assertEquals(7070, config.http().port());
        assertEquals(1024, config.http().maxBodyBytes());
        assertEquals(10, config.dispatch().batchSize());
        assertEquals(Duration.ofSeconds(1), config.dispatch().pollInterval());
        assertEquals("http://localhost:7070", config.publicBaseUrl());
    }

    @Test
    void emptyEnvironmentValueOverridesFileValue() throws IOException {
        Path file = write("""
                database:
                  host: db.internal
                """);
        assertEquals("", ConfigLoader.load(file, Map.of("PARLEY_DATABASE_HOST", "")).database().host());
        assertTrue(ConfigLoader.load(file, Map.of("PARLEY_DATABASE_HOST", "")).database().embedded());
    }

    @Test
    void scalarsAreReadAsWritten() throws IOException {
        Path file = write("""
                sms:
                  from: +15551234567
                policy:
                  defaultZone: Asia/Shanghai
                email:
                  smtp:
                    host:
                """);
        ParleyConfig config = ConfigLoader.load(file, Map.of());
        assertEquals("+15551234567", config.section(new Sms.Section()).from());
        assertEquals("Asia/Shanghai", config.policy().defaultZone().getId());
        assertTrue(config.section(new Email.Section()).sandbox());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "htpp:\\n  port: 1 | unknown key 'htpp' (known sections: http, public, data, database, api, paths,"
                    + " dispatch, policy, company, engine, simulators, sms, email, wechat, letter, voice, idempotency,"
                    + " clock, shutdown, providers, handoff, analytics)",
            "http:\\n  prot: 1 | unknown key 'http.prot' (known keys under http: host, port, maxBodyBytes, instances, maxRequestLineBytes, maxHeaderBytes,"
                    + " maxFormFields, maxFormFieldBytes, idleTimeout, readTimeout, answerTimeout)",
            "sms:\\n  twilio:\\n    authtoken: x | unknown key 'sms.twilio.authtoken' (known keys under sms.twilio:"
                    + " accountSid, authToken, baseUrl)",
            "http: 8080 | http is a section holding host, port, maxBodyBytes, instances, maxRequestLineBytes,"
                    + " maxHeaderBytes, maxFormFields, maxFormFieldBytes, idleTimeout, readTimeout, answerTimeout",
            "http:\\n  port:\\n    value: 1 | http.port (PARLEY_HTTP_PORT) expects a single value, not a section",
            "api:\\n  keys: none | api.keys expects a list of entries with name, key and role",
            "- a\\n- b | expected sections such as http: and database: at the top level",
    })
    void misplacedOrUnknownKeysAreRejected(String yaml, String problem) throws IOException {
        Path file = write(yaml.replace("\\n", "\n"));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
        assertEquals(List.of(file + ": " + problem), e.problems());
    }

    @Test
    void duplicateKeyInFileIsRejected() throws IOException {
        Path file = write("""
                http:
                  port: 1
                  port: 2
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
        assertTrue(e.getMessage().contains("not valid YAML: Duplicate field 'port'"), e.getMessage());
    }

    @Test
    void malformedYamlNamesTheFileAndLine() throws IOException {
        Path file = write("http:\n  port: [1\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of()));
        assertTrue(e.getMessage().startsWith("invalid configuration: " + file + ": not valid YAML: "), e.getMessage());
        assertTrue(e.getMessage().contains("(line "), e.getMessage());
    }

    @Test
    void emptyFileMeansDefaults() throws IOException {
        assertEquals(ConfigLoader.defaults(), ConfigLoader.load(write(""), Map.of()));
    }

    @Test
    void absentDefaultFileMeansDefaultsAndEnvironment() {
        Path absent = dir.resolve("conf/parley.yaml");
        assertEquals(ConfigLoader.defaults(), ConfigLoader.load(absent, false, Map.of()));
        assertEquals(ConfigLoader.fromMap(Map.of("http.port", "7000")),
                ConfigLoader.load(absent, false, Map.of("PARLEY_HTTP_PORT", "7000")));
    }

    @Test
    void absentFileGivenExplicitlyIsAnError() {
        Path absent = dir.resolve("missing.yaml");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(absent, Map.of("PARLEY_CONFIG", absent.toString())));
        assertEquals(List.of("PARLEY_CONFIG: configuration file '" + absent + "' does not exist"), e.problems());
        assertThrows(ConfigException.class, () -> ConfigLoader.load(absent, Map.of()));
    }

    @Test
    void configFileComesFromTheEnvironmentOrDefaultsToConfParleyYaml() {
        assertEquals(Path.of("conf/parley.yaml"), ConfigLoader.configFile(Map.of()));
        assertEquals(Path.of("/etc/parley.yaml"), ConfigLoader.configFile(Map.of("PARLEY_CONFIG", "/etc/parley.yaml")));
        assertEquals(Path.of("conf/parley.yaml"), ConfigLoader.configFile(Map.of("PARLEY_CONFIG", " ")));
    }

    @Test
    void unknownParleyVariablesAreReportedAndOthersIgnored() {
        Map<String, String> env = Map.of(
                "PARLEY_HTPP_PORT", "1",
                "PARLEY_API_KEYS", "x",
                "PARLEY_HTTP_PORT", "1",
                "PARLEY_CONFIG", "conf/parley.yaml",
                "HOME", "/root");
        assertEquals(List.of("PARLEY_API_KEYS", "PARLEY_HTPP_PORT"), ConfigEnvironment.unknownVariables(env));
        assertEquals(Map.of(Setting.HTTP_PORT, "1"), ConfigEnvironment.settings(env));
    }

    @Test
    void unknownKeyInOverridesIsRejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromMap(Map.of("http.prot", "1")));
        assertEquals(List.of("unknown key 'http.prot' (not a Parley setting)"), e.problems());
    }

    @Test
    void overridesReplaceOnlyTheirKeys() {
        ParleyConfig defaults = ConfigLoader.defaults();
        ParleyConfig changed = ConfigLoader.fromMap(Map.of("http.port", "0", "dispatch.enabled", "false"));
        assertEquals(0, changed.http().port());
        assertEquals(false, changed.dispatch().enabled());
        assertEquals(defaults.database(), changed.database());
        assertEquals(defaults.section(new Sms.Section()), changed.section(new Sms.Section()));
    }

    @Test
    void boundPortReplacesTheDerivedPublicUrlButNotAnExplicitOne() {
        ParleyConfig anyPort = ConfigLoader.fromMap(Map.of("http.port", "0"));
        ParleyConfig bound = anyPort.withBoundPort(41234);
        assertEquals(41234, bound.http().port());
        assertEquals("http://localhost:41234", bound.publicBaseUrl());

        ParleyConfig explicit = ConfigLoader.fromMap(Map.of("http.port", "0",
                "public.baseUrl", "https://parley.example.com/"));
        assertEquals("https://parley.example.com", explicit.withBoundPort(41234).publicBaseUrl());
    }
}
