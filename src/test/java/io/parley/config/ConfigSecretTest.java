package io.parley.config;

import io.parley.channel.email.Email;
import io.parley.channel.email.Imap;
import io.parley.channel.sms.Sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Secrets never reach toString() or error messages. */
class ConfigSecretTest {

    @Test
    void secretPrintsMaskedButRevealsOnRequest() {
        Secret secret = Secret.of("s3cr3t-value");
        assertEquals("****", secret.toString());
        assertEquals("s3cr3t-value", secret.reveal());
        assertTrue(Secret.of("").isEmpty());
        assertEquals(Secret.NONE, Secret.of(null));
    }

    @Test
    void wholeConfigurationPrintsWithoutSecrets() {
        ParleyConfig config = ConfigLoader.fromMap(Map.of(
                "database.url", "postgresql://parley:db-url-secret@db.internal:5433/parley?sslmode=require",
                "database.password", "db-password-secret",
                "api.key", "api-key-secret-0123456789",
                "sms.twilio.accountSid", "AC0123456789abcdef0123456789abcdef",
                "sms.twilio.authToken", "twilio-token-secret",
                "email.smtp.password", "smtp-password-secret"));
        String printed = config.toString();
        for (String secret : new String[] {"db-url-secret", "db-password-secret", "api-key-secret-0123456789",
                "twilio-token-secret", "smtp-password-secret"}) {
            assertFalse(printed.contains(secret), secret + " leaked: " + printed);
        }
        assertTrue(printed.contains("url=postgresql://parley:****@db.internal:5433/parley?sslmode=require"), printed);
        assertEquals("db-url-secret", config.database().password().reveal());
        assertEquals("twilio-token-secret", config.section(new Sms.Section()).authToken().reveal());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "postgresql://u:pw@h/db | postgresql://u:****@h/db",
            "postgres://u:p%40ss@h:5432/db?sslmode=require | postgres://u:****@h:5432/db?sslmode=require",
            "jdbc:postgresql://h/db?user=u&password=pw&ssl=true | jdbc:postgresql://h/db?user=u&password=****&ssl=true",
            "jdbc:postgresql://h/db?password=pw | jdbc:postgresql://h/db?password=****",
            "postgresql://u@h/db | postgresql://u@h/db",
    })
    void databaseUrlPasswordIsMasked(String url, String masked) {
        assertEquals(masked, DatabaseUrl.mask(url));
    }

    @Test
    void badSecretIsNotQuotedInTheError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromMap(Map.of("api.key", "tooShortSecret")));
        assertFalse(e.getMessage().contains("tooShortSecret"), e.getMessage());
    }
}
