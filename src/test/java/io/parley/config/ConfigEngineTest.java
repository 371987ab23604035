package io.parley.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** engine.*: how the collection engine hears about case events. */
class ConfigEngineTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void defaultsArePullOnly() {
        Engine engine = ConfigLoader.defaults().engine();
        assertFalse(engine.webhook());
        assertEquals("", engine.webhookUrl());
        assertTrue(engine.webhookSecret().isEmpty());
        assertEquals(Duration.ofSeconds(10), engine.timeout());
        assertEquals(Duration.ofHours(1), engine.maxBackoff());
        assertEquals(50, engine.batchSize());
        assertEquals(engine, Engine.defaults());
    }

    @Test
    void aWebhookWithItsSecret() {
        Engine engine = ConfigLoader.fromMap(Map.of("engine.webhookUrl", "https://engine.example.com/hooks/parley/",
                "engine.webhookSecret", SECRET, "engine.timeout", "PT3S", "engine.maxBackoff", "PT5M",
                "engine.batchSize", "8")).engine();
        assertTrue(engine.webhook());
        assertEquals("https://engine.example.com/hooks/parley/", engine.webhookUrl(), "the URL is used as given");
        assertEquals(SECRET, engine.webhookSecret().reveal());
        assertEquals(Duration.ofSeconds(3), engine.timeout());
        assertEquals(Duration.ofMinutes(5), engine.maxBackoff());
        assertEquals(8, engine.batchSize());
        assertFalse(engine.toString().contains("MfKQ9r8"), engine.toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "engine.webhookUrl, PARLEY_ENGINE_WEBHOOK_URL",
            "engine.webhookSecret, PARLEY_ENGINE_WEBHOOK_SECRET",
            "engine.timeout, PARLEY_ENGINE_TIMEOUT",
            "engine.maxBackoff, PARLEY_ENGINE_MAX_BACKOFF",
            "engine.batchSize, PARLEY_ENGINE_BATCH_SIZE"})
    void settingsAndTheirVariables(String key, String envVar) {
        assertEquals(envVar, Setting.byKey(key).orElseThrow().envVar());
    }

    @Test
    void environmentOverridesTheFile() {
        ParleyConfig config = ConfigLoader.load(java.nio.file.Path.of("conf/parley.yaml"), Map.of(
                "PARLEY_ENGINE_WEBHOOK_URL", "http://127.0.0.1:9999/events",
                "PARLEY_ENGINE_WEBHOOK_SECRET", SECRET));
        assertEquals("http://127.0.0.1:9999/events", config.engine().webhookUrl());
        assertEquals(SECRET, config.engine().webhookSecret().reveal());
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "engine.webhookUrl | engine.example.com/hooks | engine.webhookUrl (PARLEY_ENGINE_WEBHOOK_URL):"
                    + " 'engine.example.com/hooks' is not an http(s) URL (e.g. https://parley.example.com)",
            "engine.timeout | 10 | engine.timeout (PARLEY_ENGINE_TIMEOUT): '10' is not a positive ISO-8601 duration"
                    + " (e.g. PT0.25S, PT30S, PT2M)",
            "engine.maxBackoff | PT0.5S | engine.maxBackoff (PARLEY_ENGINE_MAX_BACKOFF): 'PT0.5S' is shorter than the"
                    + " first retry delay (at least PT1S)",
            "engine.maxBackoff | PT0S | engine.maxBackoff (PARLEY_ENGINE_MAX_BACKOFF): 'PT0S' is not a positive"
                    + " ISO-8601 duration (e.g. PT0.25S, PT30S, PT2M)",
            "engine.batchSize | 0 | engine.batchSize (PARLEY_ENGINE_BATCH_SIZE): '0' is not a positive whole number"})
    void badValues(String key, String value, String problem) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromMap(Map.of(key, value)));
        assertEquals(List.of(problem), e.problems());
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({
            "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "whsec_not-base64!!",
            "whsec_c2hvcnQ=",
            "whsec_",
            "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"})
    void aSecretThatIsNotAWebhookSecretIsRefusedWithoutBeingQuoted(String secret) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromMap(Map.of(
                "engine.webhookUrl", "https://engine.example.com/hooks", "engine.webhookSecret", secret)));
        assertEquals(List.of("engine.webhookSecret (PARLEY_ENGINE_WEBHOOK_SECRET): '****' is not a webhook secret"
                + " (whsec_ followed by the base64 of a 24 to 64 byte key)"), e.problems());
    }

    @Test
    void aKeyLongerThan64BytesIsRefused() {
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[65]);
        assertThrows(ConfigException.class, () -> ConfigLoader.fromMap(Map.of("engine.webhookSecret", secret)));
        String longest = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[64]);
        assertEquals(longest, ConfigLoader.fromMap(Map.of("engine.webhookSecret", longest)).engine().webhookSecret()
                .reveal());
    }

    @Test
    void aWebhookNeedsItsSecret() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromMap(
                Map.of("engine.webhookUrl", "https://engine.example.com/hooks")));
        assertEquals(List.of("engine.webhookSecret (PARLEY_ENGINE_WEBHOOK_SECRET): is required when"
                + " engine.webhookUrl is set"), e.problems());
    }

    @Test
    void theDefaultsArePullOnlyAndAWebhookCanBeSetOnACopy() {
        ParleyConfig c = ConfigLoader.defaults();
        assertEquals(Engine.defaults(), c.engine());
        ParleyConfig rebuilt = c;
        Engine webhook = new Engine("http://127.0.0.1:1/x", Secret.of(SECRET), Duration.ofSeconds(1),
                Duration.ofSeconds(2), 3);
        assertEquals(webhook, rebuilt.withEngine(webhook).engine());
    }
}
