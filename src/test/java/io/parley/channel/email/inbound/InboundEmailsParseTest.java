package io.parley.channel.email.inbound;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Headers, addresses, threading ids and bodies come out right whatever charset and transfer encoding carried them. */
class InboundEmailsParseTest {

    static Stream<Arguments> subjectsAndSenders() {
        return Stream.of(
                Arguments.of("02-gmail-zh", "回复：您的账户还款提醒", "li.lei@gmail.com", "我这个月手头比较紧"),
                Arguments.of("04-outlook-en-underscores-latin1", "RE: Su cuenta - José", "jose.munoz@outlook.com", "José Muñoz"),
                Arguments.of("10-qq-zh-gb18030", "回复：您的账户还款提醒", "12345678@qq.com", "通过支付宝还了250元"),
                Arguments.of("11-foxmail-zh-gb2312-label-gbk-chars", "回复: 您的账户还款提醒", "zhangzhe@foxmail.com", "我是张喆，账户是我哥哥张镕的"),
                Arguments.of("12-163-zh-gbk-split-subject", "Re:您的账户还款提醒", "hanmeimei@163.com", "每个月只能还200元"),
                Arguments.of("16-outlook-zh-gb2312-qp", "答复: 您的账户还款提醒", "zhaolei@contoso.cn", "请把还款账户信息发给我"),
                Arguments.of("18-plain-latin1-8bit-no-quote", "Re: Your account ending 4821", "jm@example.de", "Grüße, Jürgen Müller"),
                Arguments.of("06-apple-iphone-en", "Re: Your account ending 4821", "sarah.lee@icloud.com", "I’ll call you"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjectsAndSenders")
    void decodesCharsets(String fixture, String subject, String from, String bodyFragment) {
        InboundEmail email = MailFixtures.parse("replies/" + fixture + ".eml");
        assertAll(
                () -> assertEquals(subject, email.subject()),
                () -> assertEquals(from, email.from()),
                () -> assertTrue(email.plainBody().contains(bodyFragment), email.plainBody()),
                () -> assertFalse(email.plainBody().contains("\uFFFD"), "no replacement characters"),
                () -> assertFalse(email.plainBody().contains("\r"), "line breaks are \\n"));
    }

    @Test
    void readsThreadingHeadersAndAddresses() {
        InboundEmail email = MailFixtures.parse("replies/21-outlook-android-en-references.eml");
        assertAll(
                () -> assertEquals(List.of("collections@parley.test"), email.to()),
                () -> assertEquals(List.of("collections@parley.test"), email.deliveredTo()),
                () -> assertNull(email.inReplyTo()),
                () -> assertEquals(4, email.references().size()),
                () -> assertEquals("<BN6PR@outlook.com>", email.references().get(3)),
                () -> assertTrue(email.messageId().startsWith("<21-outlook-android-en-references.")),
                () -> assertEquals(Instant.parse("2026-11-23T10:42:07Z"), email.date()));
        InboundEmail cc = MailFixtures.parse("replies/19-gmail-android-en-cc.eml");
        assertEquals(List.of("patel@lawfirm.example"), cc.to());
        assertTrue(cc.cc().get(0).startsWith("reply+"));
    }

    @Test
    void prefersThePlainAlternative() {
        InboundEmail email = MailFixtures.parse("replies/01-gmail-en-top-post.eml");
        assertTrue(email.plainBody().contains("> Hello John,"), "the text/plain part, with its quote markers");
        assertFalse(email.plainBody().contains("<div"));
    }

    @Test
    void turnsHtmlIntoTextWhenThereIsNoPlainPart() {
        InboundEmail email = MailFixtures.parse("replies/05-outlook-en-html-only.eml");
        assertAll(
                () -> assertTrue(email.plainBody().startsWith(
                        "Please don’t call me at work. Email is fine — I'll reply within 2 days.\n\nRegards,\nTom O'Brien\n"),
                        email.plainBody()),
                () -> assertTrue(email.plainBody().contains("\nFrom: Parley Collections <reply+")),
                () -> assertFalse(email.plainBody().contains("MsoNormal"), "style blocks dropped"),
                () -> assertFalse(email.plainBody().contains("&"), "entities decoded"));
        InboundEmail quoted = MailFixtures.parse("replies/17-html-only-zh-blockquote.eml");
        assertTrue(quoted.plainBody().contains("\n> 张先生您好：\n"), "blockquote content marked as quoted: " + quoted.plainBody());
    }

    @Test
    void undoesFormatFlowed() {
        InboundEmail email = MailFixtures.parse("replies/08-thunderbird-en-bottom-post-flowed.eml");
        assertTrue(email.plainBody().contains("by post last week, together with my bank statements. Could you please put"
                + " the account on hold until you have reviewed it? I do not want any more calls in the meantime.\n"),
                email.plainBody());
        assertTrue(email.plainBody().contains("\n-- \nAnna Schmidt"), "the signature delimiter is not a flowed line");
    }

    @Test
    void keptHeadersAreCaseInsensitive() {
        InboundEmail email = MailFixtures.parse("auto/outlook-ooo-en.eml");
        assertEquals("auto-replied", email.header("Auto-Submitted").orElseThrow());
        assertEquals("<>", email.header("RETURN-PATH").orElseThrow());
    }

    @Test
    void parsesAMimeMessageFromAnotherSession() throws Exception {
        // a session that reads 8-bit headers as UTF-8, as an IMAP store configured for SMTPUTF8 would
        Properties properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", "true");
        String raw = "From: 小明 <xiaoming@example.cn>\r\nTo: reply+0123456789abcdef0123456789abcdef@reply.parley.test\r\n"
                + "Subject: 回复：还款\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n好的\r\n";
        MimeMessage message = new MimeMessage(Session.getInstance(properties),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        InboundEmail email = InboundEmails.parse(message);
        assertAll(
                () -> assertEquals("回复：还款", email.subject()),
                () -> assertEquals("好的\n", email.plainBody()),
                () -> assertEquals("xiaoming@example.cn", email.from()));
        // the same bytes through parse(byte[]): raw UTF-8 header bytes are recognised
        InboundEmail fromBytes = InboundEmails.parse(raw.getBytes(StandardCharsets.UTF_8));
        assertEquals("回复：还款", fromBytes.subject());
    }

    @Test
    void rawGbkHeaderBytesReadInTheBodysCharset() throws Exception {
        byte[] head = ("From: a@example.cn\r\nSubject: ").getBytes(StandardCharsets.US_ASCII);
        byte[] subject = "回复：还款".getBytes("GBK");
        byte[] rest = ("\r\nContent-Type: text/plain; charset=gbk\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] body = "好的".getBytes("GBK");
        byte[] raw = new byte[head.length + subject.length + rest.length + body.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        System.arraycopy(subject, 0, raw, head.length, subject.length);
        System.arraycopy(rest, 0, raw, head.length + subject.length, rest.length);
        System.arraycopy(body, 0, raw, head.length + subject.length + rest.length, body.length);
        InboundEmail email = InboundEmails.parse(raw);
        assertEquals("回复：还款", email.subject());
        assertEquals("好的", email.plainBody());
    }

    @Test
    void survivesABrokenMessage() throws Exception {
        String raw = "From: someone@example.com\r\nSubject: =?x-unknown?B?!!!?= broken\r\nDate: not a date\r\n"
                + "Content-Type: multipart/mixed\r\n\r\nno boundary at all\r\n";
        InboundEmail email = InboundEmails.parse(raw.getBytes(StandardCharsets.US_ASCII));
        assertAll(
                () -> assertNull(email.date()),
                () -> assertEquals(InboundKind.REPLY, email.kind()),
                () -> assertTrue(email.subject().endsWith("broken")));
    }
}
