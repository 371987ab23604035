package io.parley.channel.email;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.channel.ProviderCalls;
import io.parley.domain.AttemptStatus;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a failed SMTP send means: refused or never connected (FAILED), or it may have reached the relay (UNKNOWN). */
class EmailSenderClassifyTest {

    static Stream<Arguments> errors() throws AddressException {
        InternetAddress[] bad = {new InternetAddress("nobody@example.com")};
        return Stream.of(
                Arguments.of("recipient refused", new SendFailedException("550 no such user", null, new InternetAddress[0],
                        new InternetAddress[0], bad), AttemptStatus.FAILED, "smtp_rejected", "rejected", false),
                Arguments.of("all recipients refused, no detail", new SendFailedException("refused"),
                        AttemptStatus.FAILED, "smtp_rejected", "rejected", false),
                Arguments.of("could not connect",
                        new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")),
                        AttemptStatus.FAILED, "connect", "server_error", true),
                Arguments.of("could not connect, wrapped deeper",
                        new MessagingException("connect", new IOException("io", new ConnectException("refused"))),
                        AttemptStatus.FAILED, "connect", "server_error", true),
                Arguments.of("timeout mid-session",
                        new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out")),
                        AttemptStatus.UNKNOWN, null, "server_error", true),
                Arguments.of("other messaging error", new MessagingException("421 service not available"),
                        AttemptStatus.UNKNOWN, null, "server_error", true),
                Arguments.of("not a messaging error", new IllegalStateException("boom"),
                        AttemptStatus.UNKNOWN, null, "client_error", true));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("errors")
    void classifies(String title, Throwable error, AttemptStatus status, String errorCode, String kind,
                    boolean providerFault) {
        ProviderCalls.Classified c = EmailSender.classify(error);

        assertAll(
                () -> assertEquals(status, c.result().status()),
                () -> assertEquals(errorCode, c.result().errorCode()),
                () -> assertEquals(kind, c.kind()),
                () -> assertEquals(providerFault, c.providerFault()));
    }
}
