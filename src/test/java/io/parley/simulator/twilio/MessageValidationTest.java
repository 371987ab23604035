package io.parley.simulator.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageValidationTest {
    private static final String SERVICE = "MG0123456789abcdef0123456789abcdef";

    @ParameterizedTest(name = "To={0} From={1} Service={2} Body={3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "-,            +15005550006, -,       hi, 21604",
            "'',           +15005550006, -,       hi, 21604",
            "5551234,      +15005550006, -,       hi, 21211",
            "+0123,        +15005550006, -,       hi, 21211",
            "+15005550009, -,            -,       hi, 21603",
            "+15005550009, '+1 nope!',   -,       hi, 21212",
            "+15005550009, -,            MGnope,  hi, 21701",
            "+15005550009, +15005550006, -,       -,  21602",
            "+15005550009, +15005550006, -,       '', 21602"})
    void rejectsWithTwilioCodes(String to, String from, String service, String body, int code) {
        var error = MessageValidation.check(form(to, from, service, body)).orElseThrow();
        assertEquals(400, error.status());
        assertEquals(code, error.code());
    }

    @ParameterizedTest(name = "To={0} From={1} Service={2}")
    @CsvSource(nullValues = "-", value = {
            "+15005550009,          +15005550006, -",
            "+15005550009,          ParleyInc,    -",
            "+15005550009,          -,            " + SERVICE,
            "whatsapp:+15005550009, whatsapp:+15005550006, -"})
    void acceptsValidSenders(String to, String from, String service) {
        assertTrue(MessageValidation.check(form(to, from, service, "Your payment is due")).isEmpty());
    }

    @ParameterizedTest(name = "body of {0} characters -> {1}")
    @CsvSource({"1600, true", "1601, false"})
    void limitsTheBodyTo1600Characters(int length, boolean accepted) {
        var result = MessageValidation.check(form("+15005550009", "+15005550006", null, "x".repeat(length)));
        assertEquals(accepted, result.isEmpty());
        result.ifPresent(error -> assertEquals(21617, error.code()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"https://example.org/status, true", "http://127.0.0.1:9/s?x=1, true", "/relative, false",
            "ftp://example.org/x, false"})
    void checksTheStatusCallbackUrl(String callback, boolean accepted) {
        MultiMap form = form("+15005550009", "+15005550006", null, "hi").add("StatusCallback", callback);
        var result = MessageValidation.check(form);
        assertEquals(accepted, result.isEmpty());
        result.ifPresent(error -> assertEquals(21609, error.code()));
    }

    private static MultiMap form(String to, String from, String service, String body) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        if (to != null) {
            form.add("To", to);
        }
        if (from != null) {
            form.add("From", from);
        }
        if (service != null) {
            form.add("MessagingServiceSid", service);
        }
        if (body != null) {
            form.add("Body", body);
        }
        return form;
    }
}
