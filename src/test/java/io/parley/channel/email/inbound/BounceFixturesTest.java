package io.parley.channel.email.inbound;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bounce reports, standard (RFC 3464) and free-text, read into recipient, status, permanence and the original. */
class BounceFixturesTest {

    static Stream<Arguments> bounces() {
        return Stream.of(
                Arguments.of("postfix-dsn-5.1.1", "bounce/postfix-5.1.1", "nobody@example.com", "5.1.1", true,
                        "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table"),
                Arguments.of("gmail-dsn-4.2.2-mailbox-full", "bounce/gmail-4.2.2", "full.box@example.org", "4.2.2", false,
                        "452-4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to"
                                + " https://support.google.com/mail/?p=OverQuotaTemp"),
                Arguments.of("qmail-nonstandard", "bounce/qmail", "li.lei@example.net", "5.1.1", true,
                        "Remote host said: 550 5.1.1 <li.lei@example.net>... User unknown"),
                Arguments.of("exim-nonstandard-x-failed-recipients", "bounce/exim", "gone@example.co.uk", "5.0.0", true,
                        "550 No such user here"),
                Arguments.of("163-zh-nonstandard", "bounce/163-zh", "wangfang@example.cn", "5.0.0", true,
                        "服务器返回：550 User not found: wangfang@example.cn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounces")
    void readsTheReport(String fixture, String idKey, String recipient, String status, boolean permanent,
                        String diagnostic) {
        InboundEmail email = MailFixtures.parse("bounce/" + fixture + ".eml");
        UUID attempt = MailFixtures.attemptOf(idKey);
        Bounce bounce = email.bounce();
        assertEquals(InboundKind.BOUNCE, email.kind());
        assertNotNull(bounce);
        ReplyCorrelation.Match match = ReplyCorrelation.match(email, MailFixtures.REPLY_DOMAIN).orElseThrow();
        assertAll(
                () -> assertEquals(recipient, bounce.failedRecipient()),
                () -> assertEquals(status, bounce.status()),
                () -> assertEquals(permanent, bounce.permanent()),
                () -> assertEquals(diagnostic, bounce.diagnostic()),
                () -> assertEquals("<" + attempt + "@" + MailFixtures.REPLY_DOMAIN + ">", bounce.originalMessageId()),
                () -> assertEquals(attempt, match.attemptId()),
                () -> assertEquals(ReplyCorrelation.Via.BOUNCED_MESSAGE_ID, match.via()));
    }

    static Stream<Arguments> statusTexts() {
        return Stream.of(
                Arguments.of("smtp; 550 5.1.1 user unknown", "5.1.1"),
                Arguments.of("452-4.2.2 over quota", "4.2.2"),
                Arguments.of("550 No such user", "5.0.0"),
                Arguments.of("421 try later", "4.0.0"),
                Arguments.of("host 192.0.2.10 said nothing useful", null),
                Arguments.of("version 5.10.2.1 of the software", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusTexts")
    void statusFromText(String text, String expected) {
        assertEquals(expected, Bounces.statusIn(text));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dsnRecipients")
    void picksTheFailedRecipientOfSeveral(String title, String report, String recipient, String status, boolean permanent) {
        Bounce bounce = Bounces.fromDeliveryStatus(java.util.List.of(report.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                null, "").orElseThrow();
        assertAll(
                () -> assertEquals(recipient, bounce.failedRecipient()),
                () -> assertEquals(status, bounce.status()),
                () -> assertEquals(permanent, bounce.permanent()));
    }

    static Stream<Arguments> dsnRecipients() {
        String head = "Reporting-MTA: dns; mx.parley.test\n\n";
        return Stream.of(
                Arguments.of("delivered then failed", head + "Final-Recipient: rfc822; ok@example.com\nAction: delivered\n"
                        + "Status: 2.0.0\n\nFinal-Recipient: rfc822; bad@example.com\nAction: failed\nStatus: 5.2.1 (disabled)\n",
                        "bad@example.com", "5.2.1", true),
                Arguments.of("no Status, code in Diagnostic-Code", head + "Final-Recipient: rfc822;x@example.com\n"
                        + "Action: failed\nDiagnostic-Code: smtp; 554 rejected\n", "x@example.com", "5.0.0", true),
                Arguments.of("no status at all, failed", head + "Final-Recipient: rfc822;x@example.com\nAction: failed\n",
                        "x@example.com", null, true),
                Arguments.of("4.x.x after giving up is still soft", head + "Final-Recipient: rfc822;x@example.com\n"
                        + "Action: failed\nStatus: 4.4.7\n", "x@example.com", "4.4.7", false),
                Arguments.of("Original-Recipient preferred", head + "Original-Recipient: rfc822;alias@example.com\n"
                        + "Final-Recipient: rfc822;real@example.net\nAction: failed\nStatus: 5.1.1\n",
                        "alias@example.com", "5.1.1", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounces")
    void bouncesAreNotReplies(String fixture) {
        assertTrue(MailFixtures.parse("bounce/" + fixture + ".eml").kind() == InboundKind.BOUNCE);
    }
}
