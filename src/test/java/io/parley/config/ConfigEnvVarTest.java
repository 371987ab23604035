package io.parley.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ConfigEnvVarTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http.port, PARLEY_HTTP_PORT",
            "http.maxBodyBytes, PARLEY_HTTP_MAX_BODY_BYTES",
            "public.baseUrl, PARLEY_PUBLIC_BASE_URL",
            "data.dir, PARLEY_DATA_DIR",
            "database.url, PARLEY_DATABASE_URL",
            "database.poolSize, PARLEY_DATABASE_POOL_SIZE",
            "database.embeddedPort, PARLEY_DATABASE_EMBEDDED_PORT",
            "api.key, PARLEY_API_KEY",
            "api.keys, PARLEY_API_KEYS",
            "dispatch.batchSize, PARLEY_DISPATCH_BATCH_SIZE",
            "dispatch.pollInterval, PARLEY_DISPATCH_POLL_INTERVAL",
            "policy.defaultZone, PARLEY_POLICY_DEFAULT_ZONE",
            "sms.twilio.accountSid, PARLEY_SMS_TWILIO_ACCOUNT_SID",
            "sms.twilio.authToken, PARLEY_SMS_TWILIO_AUTH_TOKEN",
            "email.smtp.startTls, PARLEY_EMAIL_SMTP_START_TLS",
            "simulators.imapPort, PARLEY_SIMULATORS_IMAP_PORT",
            "a.bC.d, PARLEY_A_B_C_D",
            "x.http2Port, PARLEY_X_HTTP2_PORT",
    })
    void keyMapsToEnvironmentVariable(String key, String envVar) {
        assertEquals(envVar, Setting.envVarOf(key));
    }

    @ParameterizedTest
    @MethodSource("settings")
    void everySettingIsFoundByItsKeyAndItsVariable(Setting setting) {
        assertEquals(setting, Setting.byKey(setting.key()).orElseThrow());
        assertEquals(setting, Setting.byEnvVar(setting.envVar()).orElseThrow());
    }

    static java.util.List<Setting> settings() {
        return Setting.values();
    }

    @Test
    void variablesAreDistinct() {
        Set<String> names = new HashSet<>();
        Setting.values().stream().forEach(s -> assertTrue(names.add(s.envVar()), s.envVar()));
    }
}
