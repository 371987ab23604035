package io.parley.channel.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
}
