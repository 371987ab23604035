package io.parley.channel.email;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.channel.ProviderCalls;
import io.parley.domain.AttemptStatus;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
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
                Arguments.of("other messaging error", new MessagingException("service not available"),
                        AttemptStatus.UNKNOWN, null, "server_error", true),
                Arguments.of("421 to the data", new SMTPSendFailedException("DATA", 421,
                        "421 4.3.0 closing connection", null, null, null, null),
                        AttemptStatus.FAILED, "smtp_421", "try_later", true),
                Arguments.of("451 after the data", new SMTPSendFailedException(".", 451,
                        "451 4.3.0 local error in processing", null, null, null, null),
                        AttemptStatus.FAILED, "smtp_451", "try_later", true),
                Arguments.of("450 to the only recipient (greylisted)", addresses(new SMTPAddressFailedException(
                        bad[0], "RCPT TO", 450, "450 4.2.0 greylisted, try again later")),
                        AttemptStatus.FAILED, "smtp_450", "try_later", false),
                Arguments.of("452 to the sender", new SMTPSenderFailedException(new InternetAddress("parley@example.com"),
                        "MAIL FROM", 452, "452 4.3.1 insufficient system storage"),
                        AttemptStatus.FAILED, "smtp_452", "try_later", true),
                Arguments.of("421 greeting", new MessagingException("Got bad greeting from SMTP host: smtp.example.com,"
                        + " port: 25, response: 421"), AttemptStatus.FAILED, "smtp_421", "try_later", true),
                Arguments.of("550 to the only recipient", addresses(new SMTPAddressFailedException(
                        bad[0], "RCPT TO", 550, "550 5.1.1 no such user")),
                        AttemptStatus.FAILED, "smtp_550", "rejected", false),
                Arguments.of("554 after the data", new SMTPSendFailedException(".", 554,
                        "554 5.7.1 message refused", null, null, null, null),
                        AttemptStatus.FAILED, "smtp_554", "rejected", false),
                Arguments.of("not a messaging error", new IllegalStateException("boom"),
                        AttemptStatus.UNKNOWN, null, "client_error", true));
    }

    /** As Jakarta Mail reports recipients all refused: the per-address failures chained behind. */
    private static SendFailedException addresses(MessagingException failure) {
        SendFailedException all = new SendFailedException("Invalid Addresses");
        all.setNextException(failure);
        return all;
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
                () -> assertEquals(providerFault, c.providerFault()),
                () -> assertEquals("try_later".equals(kind) ? EmailSender.TRY_LATER : null, c.result().retryAfter()),
                () -> assertEquals(status == AttemptStatus.FAILED && !"rejected".equals(kind), c.result().notAttempted()));
    }
}
