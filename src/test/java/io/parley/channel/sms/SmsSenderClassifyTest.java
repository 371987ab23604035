package io.parley.channel.sms;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import io.parley.channel.ProviderCalls;
import io.parley.domain.AttemptStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What a failed Twilio call means: nothing went out (FAILED) or it may have gone (UNKNOWN, never resent). */
class SmsSenderClassifyTest {

    /** An API error as the SDK raises it: message, Twilio error code, more-info, HTTP status. */
    private static ApiException api(int status, Integer code) {
        return new ApiException("twilio says " + status, code, "https://www.twilio.com/docs/errors/" + code, status,
                null, null, null, null);
    }

    @ParameterizedTest(name = "HTTP {0} (code {1}) -> {2} {3}, provider fault {4}")
    @CsvSource(nullValues = "-", value = {
            "400, 21211, FAILED,  rejected,     false, 21211",
            "400, -,     FAILED,  rejected,     false, 400",
            "401, 20003, FAILED,  rejected,     false, 20003",
            "404, 20404, FAILED,  rejected,     false, 20404",
            "429, 20429, FAILED,  rate_limited, true,  20429",
            "429, -,     FAILED,  rate_limited, true,  429",
            "503, -,     FAILED,  server_error, true,  503",
            "500, -,     UNKNOWN, server_error, true,  -",
            "502, -,     UNKNOWN, server_error, true,  -",
            "504, -,     UNKNOWN, server_error, true,  -"})
    void classifiesApiErrorsByStatus(int status, Integer code, AttemptStatus result, String kind, boolean providerFault,
                                     String errorCode) {
        ProviderCalls.Classified c = SmsSender.classify(api(status, code));

        assertAll(
                () -> assertEquals(result, c.result().status()),
                () -> assertEquals(kind, c.kind()),
                () -> assertEquals(providerFault, c.providerFault()),
                () -> assertEquals(errorCode, c.result().errorCode()),
                () -> assertNull(c.result().providerRef(), "nothing was accepted"));
    }

    @ParameterizedTest(name = "status-only constructor, HTTP {0} -> {1}")
    @CsvSource({"400, FAILED", "429, FAILED", "503, FAILED", "500, UNKNOWN"})
    void readsTheStatusOfTheShortConstructorToo(int status, AttemptStatus expected) {
        assertEquals(expected, SmsSender.classify(new ApiException("short", status)).result().status());
    }

    static Stream<Arguments> transportErrors() {
        return Stream.of(
                Arguments.of("connection refused",
                        new ApiConnectionException("Connection Error", new ConnectException("Connection refused")),
                        AttemptStatus.FAILED, "server_error"),
                Arguments.of("connection refused, wrapped deeper",
                        new ApiConnectionException("Connection Error",
                                new IOException("io", new ConnectException("Connection refused"))),
                        AttemptStatus.FAILED, "server_error"),
                Arguments.of("read timeout",
                        new ApiConnectionException("Connection Error", new SocketTimeoutException("Read timed out")),
                        AttemptStatus.UNKNOWN, "timeout"),
                Arguments.of("connection dropped",
                        new ApiConnectionException("Connection Error", new IOException("Connection reset")),
                        AttemptStatus.UNKNOWN, "timeout"),
                Arguments.of("API error without a status",
                        new ApiException("no status"), AttemptStatus.UNKNOWN, "client_error"),
                Arguments.of("something else", new IllegalStateException("boom"), AttemptStatus.UNKNOWN,
                        "client_error"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("transportErrors")
    void classifiesTransportErrors(String title, Throwable error, AttemptStatus expected, String kind) {
        ProviderCalls.Classified c = SmsSender.classify(error);

        assertAll(
                () -> assertEquals(expected, c.result().status()),
                () -> assertEquals(kind, c.kind()),
                () -> assertEquals(true, c.providerFault()));
    }
}
