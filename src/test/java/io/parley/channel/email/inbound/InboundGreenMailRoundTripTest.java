package io.parley.channel.email.inbound;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A GBK reply sent over SMTP and read back over IMAP parses like the same message from bytes. */
class InboundGreenMailRoundTripTest {
    private static final String DOMAIN = "reply.parley.test";
    private final GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @BeforeEach
    void start() {
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    @Test
    void replySentOverSmtpReadOverImap() throws Exception {
        UUID attempt = UUID.randomUUID();
        String replyAddress = "reply+" + attempt.toString().replace("-", "") + "@" + DOMAIN;
        greenMail.setUser(replyAddress, "parley-inbound", "secret");

        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        MimeMessage reply = new MimeMessage(session);
        reply.setFrom(new InternetAddress("hanmeimei@163.com", "韩梅梅", "GBK"));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress(replyAddress, "Parley Collections"));
        reply.setSubject("回复：您的账户还款提醒", "GBK");
        reply.setHeader("In-Reply-To", "<" + attempt + "@" + DOMAIN + ">");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("好的，我月底前还清。\n\n在 2026-11-23 10:00:00，\"Parley Collections\" <" + replyAddress
                + "> 写道：\n> 您尾号4821的账户有一笔款项已逾期。\n", "GBK");
        text.setHeader("Content-Transfer-Encoding", "base64");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<div>好的，我月底前还清。</div>", "text/html; charset=GBK");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        reply.setContent(alternative);
        reply.saveChanges();
        Transport.send(reply);
        assertTrue(greenMail.waitForIncomingEmail(5000, 1), "delivered to GreenMail");

        Store store = session.getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), "parley-inbound", "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message fetched = inbox.getMessage(1);
            InboundEmail email = InboundEmails.parse(assertInstanceOf(MimeMessage.class, fetched));
            ReplyCorrelation.Match match = ReplyCorrelation.match(email, DOMAIN).orElseThrow();
            assertAll(
                    () -> assertEquals(InboundKind.REPLY, email.kind()),
                    () -> assertEquals("hanmeimei@163.com", email.from()),
                    () -> assertEquals("回复：您的账户还款提醒", email.subject()),
                    () -> assertEquals("好的，我月底前还清。", email.replyText()),
                    () -> assertEquals(attempt, match.attemptId()),
                    () -> assertEquals(ReplyCorrelation.Via.REPLY_ADDRESS, match.via()),
                    () -> assertEquals("<" + attempt + "@" + DOMAIN + ">", email.inReplyTo()));
            inbox.close(false);
        } finally {
            store.close();
        }
    }
}
