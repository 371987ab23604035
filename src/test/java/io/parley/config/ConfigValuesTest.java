package io.parley.config;

import io.parley.channel.email.Email;
import io.parley.channel.email.Imap;
import io.parley.channel.sms.Sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Good values are accepted in their usual spellings and normalised. */
class ConfigValuesTest {

    static Stream<Arguments> goodValues() {
        return Stream.of(
                good("http.port", "0", c -> c.http().port(), 0),
                good("http.port", " 443 ", c -> c.http().port(), 443),
                good("public.baseUrl", "https://parley.example.com/", ParleyConfig::publicBaseUrl,
                        "https://parley.example.com"),
                good("public.baseUrl", "http://10.0.0.5:8080/parley//", ParleyConfig::publicBaseUrl,
                        "http://10.0.0.5:8080/parley"),
                good("company.payUrl", "https://pay.example.com/?ref=sms", c -> c.company().payUrl(),
                        "https://pay.example.com/?ref=sms"),
                good("data.dir", "var/../data", ParleyConfig::dataDir, Path.of("data").toAbsolutePath()),
                good("paths.sequences", "/srv/parley/sequences", c -> c.paths().sequences(),
                        Path.of("/srv/parley/sequences")),
                good("dispatch.pollInterval", "pt0.1s", c -> c.dispatch().pollInterval(), Duration.ofMillis(100)),
                good("dispatch.releaseSpread", "PT0S", c -> c.dispatch().releaseSpread(), Duration.ZERO),
                good("dispatch.outcomeTimeout", "PT1H30M", c -> c.dispatch().outcomeTimeout(), Duration.ofMinutes(90)),
                good("dispatch.enabled", "FALSE", c -> c.dispatch().enabled(), false),
                good("policy.defaultZone", "Europe/Berlin", c -> c.policy().defaultZone(), ZoneId.of("Europe/Berlin")),
                good("email.from", "collections@parley.example", c -> c.section(new Email.Section()).from(), "collections@parley.example"),
                good("email.from", "\"Acme, Inc.\" <billing@acme.example>", c -> c.section(new Email.Section()).from(),
                        "\"Acme, Inc.\" <billing@acme.example>"),
                good("email.replyDomain", "Reply.Parley.Example", c -> c.section(new Email.Section()).replyDomain(), "reply.parley.example"),
                good("email.smtp.host", "smtp.example.com", c -> c.section(new Email.Section()).sandbox(), false),
                good("sms.twilio.accountSid", "", c -> c.section(new Sms.Section()).simulated(), true),
                good("simulators.deliveryDelay", "PT0S", c -> c.simulators().deliveryDelay(), Duration.ZERO));
    }

    private static Arguments good(String key, String value, Function<ParleyConfig, Object> read, Object expected) {
        return Arguments.of(key, value, read, expected);
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("goodValues")
    void goodValueIsAccepted(String key, String value, Function<ParleyConfig, Object> read, Object expected) {
        assertEquals(expected, read.apply(ConfigLoader.fromMap(Map.of(key, value))));
    }

    @Test
    void defaultsAreThoseDocumented() {
        ParleyConfig c = ConfigLoader.defaults();
        assertEquals(new Http("127.0.0.1", 8080, 65536), c.http(), "loopback only when nothing is configured");
        assertEquals("http://localhost:8080", c.publicBaseUrl());
        assertEquals(Path.of("data").toAbsolutePath(), c.dataDir());
        assertEquals(new Paths(Path.of("conf/sequences").toAbsolutePath(), Path.of("conf/templates").toAbsolutePath(),
                Path.of("conf/policies").toAbsolutePath(), Path.of("conf/replies").toAbsolutePath()), c.paths());
        assertEquals(new Dispatch(256, Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(15), Duration.ofMinutes(2), true, 0, 1024), c.dispatch());
        assertEquals(new Policy(ZoneId.of("America/New_York"), Duration.ofDays(2)), c.policy());
        assertEquals(new Sms("", Secret.NONE, "https://api.twilio.com", "+15005550006", 16, Duration.ofSeconds(10)),
                c.section(new Sms.Section()));
        assertEquals(new Email("", 587, "", Secret.NONE, true, "Parley Demo Lending <collections@parley.local>",
                "parley.local", 8, Duration.ofSeconds(20),
                new Imap("", 993, true, "", Secret.NONE, "INBOX", Duration.ofSeconds(30))), c.section(new Email.Section()));
        assertEquals(new Company("Parley Demo Lending", "+18005550199", "https://parley.local/pay"), c.company());
        assertEquals(new Simulators("127.0.0.1", 0, 0, 0, Duration.ofMillis(500)), c.simulators());
        assertEquals(new Api(Secret.NONE, java.util.List.of()), c.api());
    }
}
