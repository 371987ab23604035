package io.parley.channel.email.inbound;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A person, a machine answering for one, or the mail system returning our message. */
class InboundClassificationTest {

    static Stream<Arguments> autoReplyFixtures() {
        return Stream.of(Arguments.of("outlook-ooo-en", ReplyCorrelation.Via.REPLY_ADDRESS),
                Arguments.of("qq-auto-zh", ReplyCorrelation.Via.REPLY_ADDRESS),
                Arguments.of("gmail-vacation-en", ReplyCorrelation.Via.REPLY_ADDRESS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("autoReplyFixtures")
    void autoRepliesFromFixtures(String fixture, ReplyCorrelation.Via via) {
        InboundEmail email = MailFixtures.parse("auto/" + fixture + ".eml");
        UUID attempt = MailFixtures.attemptOf("auto/" + fixture);
        assertAll(
                () -> assertEquals(InboundKind.AUTO_REPLY, email.kind()),
                () -> assertNull(email.bounce()),
                () -> assertEquals(Optional.of(attempt), ReplyCorrelation.attemptId(email, MailFixtures.REPLY_DOMAIN)),
                () -> assertEquals(via, ReplyCorrelation.match(email, MailFixtures.REPLY_DOMAIN).orElseThrow().via()));
    }

    static Stream<Arguments> headerTable() {
        return Stream.of(
                Arguments.of("plain reply", "Subject: Re: Your account\r\n", InboundKind.REPLY),
                Arguments.of("Auto-Submitted: no is a person", "Auto-Submitted: no\r\nSubject: Re: x\r\n", InboundKind.REPLY),
                Arguments.of("Auto-Submitted: auto-replied", "Auto-Submitted: auto-replied\r\nSubject: Re: x\r\n", InboundKind.AUTO_REPLY),
                Arguments.of("Auto-Submitted: auto-generated with comment", "Auto-Submitted: auto-generated (vacation)\r\nSubject: x\r\n", InboundKind.AUTO_REPLY),
                Arguments.of("X-Autoreply", "X-Autoreply: yes\r\nSubject: Re: x\r\n", InboundKind.AUTO_REPLY),
                Arguments.of("X-Autorespond", "X-Autorespond: Re: x\r\nSubject: Re: x\r\n", InboundKind.AUTO_REPLY),
                Arguments.of("Precedence: auto_reply", "Precedence: auto_reply\r\nSubject: Re: x\r\n", InboundKind.AUTO_REPLY),
                Arguments.of("Precedence: bulk", "Precedence: bulk\r\nSubject: Re: x\r\n", InboundKind.AUTO_REPLY),
                Arguments.of("Precedence: junk", "Precedence: JUNK\r\nSubject: Re: x\r\n", InboundKind.AUTO_REPLY),
                Arguments.of("Precedence: list is a person on a list", "Precedence: list\r\nSubject: Re: x\r\n", InboundKind.REPLY),
                Arguments.of("X-Auto-Response-Suppress alone is a person", "X-Auto-Response-Suppress: All\r\nSubject: Re: x\r\n", InboundKind.REPLY),
                Arguments.of("Out of Office subject", "Subject: Out of Office: Re: x\r\n", InboundKind.AUTO_REPLY),
                Arguments.of("Automatic reply subject", "Subject: Automatic reply: x\r\n", InboundKind.AUTO_REPLY),
                Arguments.of("Auto: subject", "Subject: Auto: Your account\r\n", InboundKind.AUTO_REPLY),
                Arguments.of("自动回复 subject", "Subject: =?UTF-8?B?6Ieq5Yqo5Zue5aSN77yaeA==?=\r\n", InboundKind.AUTO_REPLY),
                Arguments.of("Autobahn is not Auto:", "Subject: Autobahn toll\r\n", InboundKind.REPLY),
                Arguments.of("read receipt", "Subject: Read: x\r\nContent-Type: multipart/report; report-type=disposition-notification; boundary=b\r\n\r\n"
                        + "--b\r\nContent-Type: text/plain\r\n\r\nRead.\r\n--b\r\nContent-Type: message/disposition-notification\r\n\r\n"
                        + "Final-Recipient: rfc822; a@example.com\r\nDisposition: manual-action/MDN-sent-manually; displayed\r\n--b--\r\n", InboundKind.AUTO_REPLY),
                Arguments.of("delivery success notice is not a bounce", "Subject: Delivered\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n"
                        + "--b\r\nContent-Type: text/plain\r\n\r\nDelivered.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n"
                        + "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; a@example.com\r\nAction: delivered\r\nStatus: 2.0.0\r\n--b--\r\n", InboundKind.AUTO_REPLY),
                Arguments.of("X-Failed-Recipients", "X-Failed-Recipients: a@example.com\r\nSubject: Mail delivery failed\r\n", InboundKind.BOUNCE),
                Arguments.of("bounce subject from the null sender", "Return-Path: <>\r\nSubject: Undeliverable: Your account\r\n", InboundKind.BOUNCE),
                Arguments.of("bounce subject from a person is a person", "Return-Path: <a@example.com>\r\nSubject: Re: Undeliverable mail?\r\n", InboundKind.REPLY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerTable")
    void classifiesByHeadersAndSubject(String title, String headers, InboundKind expected) throws Exception {
        String raw = "From: Someone <someone@example.com>\r\nTo: reply+0123456789abcdef0123456789abcdef@reply.parley.test\r\n"
                + "MIME-Version: 1.0\r\n" + headers + (headers.contains("\r\n\r\n") ? "" : "\r\nBody\r\n");
        assertEquals(expected, InboundEmails.parse(raw.getBytes(StandardCharsets.UTF_8)).kind());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("daemonSenders")
    void mailerDaemonsAndPostmastersSendBounces(String from) throws Exception {
        String raw = "From: " + from + "\r\nTo: collections@parley.test\r\nSubject: Hello\r\n\r\nCould not deliver.\r\n";
        assertEquals(InboundKind.BOUNCE, InboundEmails.parse(raw.getBytes(StandardCharsets.UTF_8)).kind());
    }

    static Stream<String> daemonSenders() {
        return Stream.of("MAILER-DAEMON@mx.example.com", "Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
                "postmaster@outlook.com");
    }
}
