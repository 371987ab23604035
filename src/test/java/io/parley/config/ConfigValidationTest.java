package io.parley.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad value is reported with its key, its variable, the value and what is expected. */
class ConfigValidationTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("http.port", "abc",
                        "http.port (PARLEY_HTTP_PORT): 'abc' is not a port number (1-65535, or 0 for any free port)"),
                bad("http.port", "65536",
                        "http.port (PARLEY_HTTP_PORT): '65536' is not a port number (1-65535, or 0 for any free port)"),
                bad("http.host", "bad host",
                        "http.host (PARLEY_HTTP_HOST): 'bad host' is not a host name or IP address"),
                bad("http.maxBodyBytes", "0",
                        "http.maxBodyBytes (PARLEY_HTTP_MAX_BODY_BYTES): '0' is not a positive whole number"),
                bad("public.baseUrl", "ftp://example.com",
                        "public.baseUrl (PARLEY_PUBLIC_BASE_URL): 'ftp://example.com' is not an http(s) URL"
                                + " (e.g. https://parley.example.com)"),
                bad("public.baseUrl", "localhost:8080",
                        "public.baseUrl (PARLEY_PUBLIC_BASE_URL): 'localhost:8080' is not an http(s) URL"
                                + " (e.g. https://parley.example.com)"),
                bad("data.dir", "",
                        "data.dir (PARLEY_DATA_DIR): '' must not be empty"),
                bad("database.port", "0",
                        "database.port (PARLEY_DATABASE_PORT): '0' is not a port number (1-65535)"),
                bad("database.poolSize", "-1",
                        "database.poolSize (PARLEY_DATABASE_POOL_SIZE): '-1' is not a positive whole number"),
                bad("database.name", " ",
                        "database.name (PARLEY_DATABASE_NAME): '' must not be empty"),
                bad("database.url", "mysql://root:hunter2@db/parley",
                        "database.url (PARLEY_DATABASE_URL): 'mysql://root:****@db/parley' " + DatabaseUrl.EXPECTED),
                bad("database.url", "jdbc:postgresql://db:5432/parley?user=p&password=hunter2#x",
                        "database.url (PARLEY_DATABASE_URL): 'jdbc:postgresql://db:5432/parley?user=p&password=****#x' "
                                + DatabaseUrl.EXPECTED),
                bad("database.embeddedPort", "70000",
                        "database.embeddedPort (PARLEY_DATABASE_EMBEDDED_PORT): '70000' is not a port number"
                                + " (1-65535, or 0 for any free port)"),
                bad("api.key", "short-key",
                        "api.key (PARLEY_API_KEY): a key of 9 characters is too short (at least 16)"),
                bad("api.key", "has whitespace in the key",
                        "api.key (PARLEY_API_KEY): a key must not contain whitespace or control characters"),
                bad("dispatch.batchSize", "many",
                        "dispatch.batchSize (PARLEY_DISPATCH_BATCH_SIZE): 'many' is not a positive whole number"),
                bad("dispatch.pollInterval", "250ms",
                        "dispatch.pollInterval (PARLEY_DISPATCH_POLL_INTERVAL): '250ms' is not a positive ISO-8601"
                                + " duration (e.g. PT0.25S, PT30S, PT2M)"),
                bad("dispatch.lease", "PT0S",
                        "dispatch.lease (PARLEY_DISPATCH_LEASE): 'PT0S' is not a positive ISO-8601 duration"
                                + " (e.g. PT0.25S, PT30S, PT2M)"),
                bad("dispatch.releaseSpread", "-PT1S",
                        "dispatch.releaseSpread (PARLEY_DISPATCH_RELEASE_SPREAD): '-PT1S' is not an ISO-8601 duration"
                                + " of zero or more (e.g. PT0S, PT0.5S, PT2M)"),
                bad("dispatch.enabled", "yes",
                        "dispatch.enabled (PARLEY_DISPATCH_ENABLED): 'yes' is not a boolean (true or false)"),
                bad("policy.defaultZone", "Mars/Olympus",
                        "policy.defaultZone (PARLEY_POLICY_DEFAULT_ZONE): 'Mars/Olympus' is not a time zone id"
                                + " (e.g. America/New_York, UTC)"),
                bad("sms.twilio.accountSid", "AC123",
                        "sms.twilio.accountSid (PARLEY_SMS_TWILIO_ACCOUNT_SID): 'AC123' is not a Twilio account SID"
                                + " (AC and 32 hex digits; empty to use the simulator)"),
                bad("sms.twilio.baseUrl", "api.twilio.com",
                        "sms.twilio.baseUrl (PARLEY_SMS_TWILIO_BASE_URL): 'api.twilio.com' is not an http(s) URL"
                                + " (e.g. https://parley.example.com)"),
                bad("sms.from", "5005550006",
                        "sms.from (PARLEY_SMS_FROM): '5005550006' is not an E.164 phone number (e.g. +15005550006)"),
                bad("sms.workers", "0",
                        "sms.workers (PARLEY_SMS_WORKERS): '0' is not a positive whole number"),
                bad("sms.timeout", "10",
                        "sms.timeout (PARLEY_SMS_TIMEOUT): '10' is not a positive ISO-8601 duration"
                                + " (e.g. PT0.25S, PT30S, PT2M)"),
                bad("email.smtp.port", "smtp",
                        "email.smtp.port (PARLEY_EMAIL_SMTP_PORT): 'smtp' is not a port number (1-65535)"),
                bad("email.smtp.startTls", "on",
                        "email.smtp.startTls (PARLEY_EMAIL_SMTP_START_TLS): 'on' is not a boolean (true or false)"),
                bad("email.from", "Parley Demo Lending",
                        "email.from (PARLEY_EMAIL_FROM): 'Parley Demo Lending' is not an email address"
                                + " (e.g. Parley Demo Lending <collections@parley.local>)"),
                bad("email.from", "a@b.example, c@d.example",
                        "email.from (PARLEY_EMAIL_FROM): 'a@b.example, c@d.example' is not an email address"
                                + " (e.g. Parley Demo Lending <collections@parley.local>)"),
                bad("email.replyDomain", "-parley.local",
                        "email.replyDomain (PARLEY_EMAIL_REPLY_DOMAIN): '-parley.local' is not a domain name"
                                + " (e.g. parley.local)"),
                bad("email.workers", "1.5",
                        "email.workers (PARLEY_EMAIL_WORKERS): '1.5' is not a positive whole number"),
                bad("company.name", "",
                        "company.name (PARLEY_COMPANY_NAME): '' must not be empty"),
                bad("company.phone", "(800) 555-0199",
                        "company.phone (PARLEY_COMPANY_PHONE): '(800) 555-0199' is not an E.164 phone number"
                                + " (e.g. +15005550006)"),
                bad("company.payUrl", "pay here",
                        "company.payUrl (PARLEY_COMPANY_PAY_URL): 'pay here' is not an http(s) URL"
                                + " (e.g. https://parley.example.com)"),
                bad("simulators.twilioPort", "-1",
                        "simulators.twilioPort (PARLEY_SIMULATORS_TWILIO_PORT): '-1' is not a port number"
                                + " (1-65535, or 0 for any free port)"),
                bad("simulators.deliveryDelay", "PT-1S",
                        "simulators.deliveryDelay (PARLEY_SIMULATORS_DELIVERY_DELAY): 'PT-1S' is not an ISO-8601"
                                + " duration of zero or more (e.g. PT0S, PT0.5S, PT2M)"));
    }

    private static Arguments bad(String key, String value, String problem) {
        return Arguments.of(key, value, problem);
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("badValues")
    void badValueIsReportedWithKeyVariableValueAndExpectation(String key, String value, String problem) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromMap(Map.of(key, value)));
        assertEquals(List.of(problem), e.problems());
        assertEquals("invalid configuration: " + problem, e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("http.port", "abc");
        overrides.put("sms.workers", "0");
        overrides.put("policy.defaultZone", "Nowhere");
        overrides.put("htpp.port", "8080");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromMap(overrides));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid configuration (4 problems):\n  "), e.getMessage());
        for (String key : List.of("http.port (PARLEY_HTTP_PORT)", "sms.workers (PARLEY_SMS_WORKERS)",
                "policy.defaultZone (PARLEY_POLICY_DEFAULT_ZONE)", "unknown key 'htpp.port'")) {
            assertTrue(e.getMessage().contains(key), key);
        }
    }

    @Test
    void twilioAccountWithoutTokenIsRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromMap(
                Map.of("sms.twilio.accountSid", "AC0123456789abcdef0123456789abcdef")));
        assertEquals(List.of("sms.twilio.authToken (PARLEY_SMS_TWILIO_AUTH_TOKEN): is required when"
                + " sms.twilio.accountSid is set"), e.problems());
    }

    @Test
    void twoServersCannotShareAFixedPort() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromMap(
                Map.of("http.port", "9000", "simulators.smtpPort", "9000")));
        assertEquals(List.of("simulators.smtpPort (PARLEY_SIMULATORS_SMTP_PORT): '9000' is already used by"
                + " http.port"), e.problems());
    }
}
