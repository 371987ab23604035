package io.parley.simulator.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.security.RequestValidator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioSignatureTest {
    private static final String TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String EXPECTED = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    /** Twilio's published example request, in an order that is not the signing order. */
    private static Map<String, String> publishedParams() {
        Map<String, String> params = new HashMap<>();
        params.put("To", "+18005551212");
        params.put("Digits", "1234");
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("From", "+12349013030");
        params.put("Caller", "+12349013030");
        return params;
    }

    @Test
    void matchesTwilioPublishedExample() {
        assertEquals(EXPECTED, TwilioSignature.of(TOKEN, URL, publishedParams()));
    }

    @Test
    void sdkValidatorAcceptsThePublishedExample() {
        assertTrue(new RequestValidator(TOKEN).validate(URL, publishedParams(), EXPECTED));
    }

    @Test
    void sdkValidatorAcceptsWhatWeSign() {
        Map<String, String> params = Map.of("MessageSid", "SM0123", "MessageStatus", "delivered", "Body", "Hé ✓ &=");
        String url = "http://127.0.0.1:8080/twilio/status?attempt=7";
        assertTrue(new RequestValidator("s3cret").validate(url, params, TwilioSignature.of("s3cret", url, params)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "other token,   99999, https://mycompany.com/myapp.php?foo=1&bar=2, Digits, 1234",
            "other url,     12345, https://mycompany.com/myapp.php?foo=1&bar=3, Digits, 1234",
            "other digits,  12345, https://mycompany.com/myapp.php?foo=1&bar=2, Digits, 1235",
            "extra param,   12345, https://mycompany.com/myapp.php?foo=1&bar=2, Body,   hi"})
    void anyChangeBreaksTheSignature(String change, String token, String url, String name, String value) {
        Map<String, String> params = publishedParams();
        params.put(name, value);
        String signature = TwilioSignature.of(token, url, params);
        assertNotEquals(EXPECTED, signature);
        assertFalse(new RequestValidator(TOKEN).validate(URL, publishedParams(), signature));
    }
}
