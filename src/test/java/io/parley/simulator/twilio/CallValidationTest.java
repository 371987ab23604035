package io.parley.simulator.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.MultiMap;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallValidationTest {
    @ParameterizedTest(name = "To={0} From={1} Url={2} Twiml={3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "-,            +15005550006, https://x.test/v, -,                   21201",
            "+15005550009, -,            https://x.test/v, -,                   21213",
            "5550009,      +15005550006, https://x.test/v, -,                   21211",
            "+15005550009, 5550006,      https://x.test/v, -,                   21212",
            "+15005550009, +15005550006, -,                -,                   21205",
            "+15005550009, +15005550006, not a url,        -,                   21205",
            "+15005550009, +15005550006, https://x.test/v, -,                   0",
            "+15005550009, +15005550006, -,                <Response/>,         0",
            "client:agent, +15005550006, https://x.test/v, -,                   0"})
    void checksLikeTwilio(String to, String from, String url, String twiml, int code) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        put(form, "To", to);
        put(form, "From", from);
        put(form, "Url", url);
        put(form, "Twiml", twiml);
        Optional<TwilioError> error = CallValidation.check(form);
        assertEquals(code, error.map(TwilioError::code).orElse(0));
    }

    private static void put(MultiMap form, String name, String value) {
        if (value != null) {
            form.add(name, value);
        }
    }
}
