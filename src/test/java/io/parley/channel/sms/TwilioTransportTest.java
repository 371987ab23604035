package io.parley.channel.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioTransportTest {
    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
            "http://127.0.0.1:41234, https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json, "
                    + "http://127.0.0.1:41234/2010-04-01/Accounts/AC1/Messages.json",
            "http://localhost:8080, "
                    + "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?To=%2B1555&PageSize=2, "
                    + "http://localhost:8080/2010-04-01/Accounts/AC1/Messages.json?To=%2B1555&PageSize=2",
            "https://api.twilio.com, https://api.twilio.com/2010-04-01/Accounts/AC1/Calls/CA1.json, "
                    + "https://api.twilio.com/2010-04-01/Accounts/AC1/Calls/CA1.json",
            "http://[::1]:9000, https://api.dublin.ie1.twilio.com/2010-04-01/Accounts/AC1/Calls.json, "
                    + "http://[::1]:9000/2010-04-01/Accounts/AC1/Calls.json"})
    void sendsToTheBaseUrlKeepingPathAndQuery(String base, String sdkUrl, String expected) throws Exception {
        TwilioTransport transport = new TwilioTransport(URI.create(base), Duration.ofSeconds(1));

        assertEquals(URI.create(expected), transport.target(new URL(sdkUrl)));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource({"/relative/path", "127.0.0.1:8080"})
    void refusesABaseUrlThatIsNotAbsolute(String base) {
        assertThrows(IllegalArgumentException.class, () -> new TwilioTransport(URI.create(base),
                Duration.ofSeconds(1)));
    }

    @Test
    void refusesANonPositiveTimeout() {
        assertThrows(IllegalArgumentException.class, () -> new TwilioTransport(URI.create("http://127.0.0.1:1"),
                Duration.ZERO));
    }

    @ParameterizedTest(name = "''{0}'' -> {1} s")
    @CsvSource(nullValues = "-", value = {
            "7, 7",
            "' 30 ', 30",
            "'Fri, 01 Jan 2021 00:00:10 GMT', 10",
            "'Thu, 31 Dec 2020 23:59:00 GMT', 0",
            "soon, -",
            "'', -"})
    void readsRetryAfter(String header, Long seconds) {
        Instant now = Instant.parse("2021-01-01T00:00:00Z");

        assertEquals(Optional.ofNullable(seconds).map(Duration::ofSeconds), RetryAfter.parse(header, now));
    }

    @Test
    void identifiesItselfAsTheSdkOnTheClasspath() throws Exception {
        AtomicReference<Headers> seen = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.set(exchange.getRequestHeaders());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            Request request = new Request(HttpMethod.GET, "https://api.twilio.com/2010-04-01/Accounts/AC1.json");
            request.setUserAgentExtensions(List.of("parley-test"));

            assertEquals(204, new TwilioTransport(base, Duration.ofSeconds(5)).makeRequest(request).getStatusCode());
        } finally {
            server.stop(0);
        }
        String version = sdkVersion();
        assertEquals("java-" + version, seen.get().getFirst("X-Twilio-Client"));
        String agent = seen.get().getFirst("User-Agent");
        assertTrue(agent.startsWith("twilio-java/" + version + " (") && agent.endsWith(" parley-test"), agent);
    }

    /** The version Maven put on the classpath, read from the SDK jar's own build description. */
    private static String sdkVersion() throws IOException {
        try (InputStream in = Request.class.getResourceAsStream("/META-INF/maven/com.twilio.sdk/twilio/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
