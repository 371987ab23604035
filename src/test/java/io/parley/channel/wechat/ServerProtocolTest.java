package io.parley.channel.wechat;

import static io.parley.channel.wechat.PublishedSampleTest.AES_KEY;
import static io.parley.channel.wechat.PublishedSampleTest.PY_APP_ID;
import static io.parley.channel.wechat.PublishedSampleTest.PY_BODY;
import static io.parley.channel.wechat.PublishedSampleTest.PY_MSG_SIGNATURE;
import static io.parley.channel.wechat.PublishedSampleTest.PY_NONCE;
import static io.parley.channel.wechat.PublishedSampleTest.PY_TIMESTAMP;
import static io.parley.channel.wechat.PublishedSampleTest.PY_TOKEN;
import static io.parley.channel.wechat.PublishedSampleTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerProtocolTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T03:04:05Z"), ZoneOffset.UTC);
    private final ServerProtocol protocol = new ServerProtocol(PY_TOKEN, PY_APP_ID, AES_KEY, CLOCK);

    private static ServerProtocol.Query query(String signature, String echostr, String encryptType, String msgSig) {
        return new ServerProtocol.Query(signature, PY_TIMESTAMP, PY_NONCE, echostr, encryptType, msgSig);
    }

    @Test
    void urlVerificationAnswersTheEchoOnlyWhenSigned() {
        String signature = Signatures.sign(PY_TOKEN, PY_TIMESTAMP, PY_NONCE);
        assertEquals(Optional.of("shr5ch"), protocol.verifyUrl(query(signature, "shr5ch", null, null)));
        assertEquals(Optional.empty(), protocol.verifyUrl(query("0" + signature.substring(1), "shr5ch", null, null)));
        assertEquals(Optional.empty(), protocol.verifyUrl(query(null, "shr5ch", null, null)));
    }

    @Test
    void thePublishedSafeModeMessageIsRead() {
        ServerProtocol.Received received = protocol.receive(query(null, null, "aes", PY_MSG_SIGNATURE), bytes(PY_BODY));
        assertTrue(received.safeMode());
        assertEquals("abcdteT", received.message().content());
        assertEquals("oyORnuP8q7ou2gfYjqLzSIWZf0rs", received.message().fromUser());
        assertEquals(1409735668L, received.message().createTime());
        assertEquals("msg:6054768590064713728", received.message().dedupeKey());
    }

    @Test
    void aForgedMsgSignatureIsRefusedBeforeDecrypting() {
        String forged = "1" + PY_MSG_SIGNATURE.substring(1);
        assertThrows(ServerProtocol.Forged.class,
                () -> protocol.receive(query(null, null, "aes", forged), bytes(PY_BODY)));
        assertThrows(ServerProtocol.Forged.class,
                () -> protocol.receive(query(null, null, "aes", null), bytes(PY_BODY)));
    }

    @Test
    void plainMessagesNeedTheSignature() {
        String body = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName>"
                + "<CreateTime>1409735668</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[unsubscribe]]></Event></xml>";
        String signature = Signatures.sign(PY_TOKEN, PY_TIMESTAMP, PY_NONCE);
        ServerProtocol.Received received = protocol.receive(query(signature, null, null, null), bytes(body));
        assertFalse(received.safeMode());
        assertEquals("unsubscribe", received.message().event());
        assertEquals("event:o1:1409735668:unsubscribe", received.message().dedupeKey());
        assertThrows(ServerProtocol.Forged.class,
                () -> protocol.receive(query(signature.toUpperCase().replace('A', 'B'), null, null, null), bytes(body)));
    }

    @Test
    void safeModeWithoutAKeyIsAProtocolError() {
        ServerProtocol plainOnly = new ServerProtocol(PY_TOKEN, PY_APP_ID, "", CLOCK);
        assertThrows(WechatProtocolException.class,
                () -> plainOnly.receive(query(null, null, "aes", PY_MSG_SIGNATURE), bytes(PY_BODY)));
    }

    @Test
    void passiveRepliesAreEncryptedAndSignedInSafeMode() {
        ServerProtocol.Received received = protocol.receive(query(null, null, "aes", PY_MSG_SIGNATURE), bytes(PY_BODY));
        Map<String, String> envelope = PlatformXml.read(bytes(protocol.reply(received, "已退订")));
        String encrypt = envelope.get("Encrypt");
        assertTrue(Signatures.verify(envelope.get("MsgSignature"), PY_TOKEN, envelope.get("TimeStamp"),
                envelope.get("Nonce"), encrypt));
        assertEquals(Long.toString(CLOCK.instant().getEpochSecond()), envelope.get("TimeStamp"));
        Map<String, String> reply = PlatformXml.read(bytes(new SafeModeCipher(AES_KEY, PY_APP_ID).decrypt(encrypt)));
        assertEquals("oyORnuP8q7ou2gfYjqLzSIWZf0rs", reply.get("ToUserName"));
        assertEquals("gh_10f6c3c3ac5a", reply.get("FromUserName"));
        assertEquals("text", reply.get("MsgType"));
        assertEquals("已退订", reply.get("Content"));
    }

    @Test
    void passiveRepliesArePlainInPlainMode() {
        InboundMessage message = InboundMessage.of(Map.of("ToUserName", "gh_1", "FromUserName", "o1",
                "CreateTime", "1", "MsgType", "text", "Content", "TD", "MsgId", "42"));
        Map<String, String> reply = PlatformXml.read(bytes(protocol.reply(new ServerProtocol.Received(message, false),
                "ok")));
        assertEquals("o1", reply.get("ToUserName"));
        assertEquals("ok", reply.get("Content"));
    }

    @Test
    void messagesWithoutTheirHeaderFieldsAreRefused() {
        assertThrows(WechatProtocolException.class, () -> InboundMessage.of(Map.of("ToUserName", "gh_1")));
        assertThrows(WechatProtocolException.class, () -> InboundMessage.of(Map.of("ToUserName", "gh_1",
                "FromUserName", "o1", "CreateTime", "soon", "MsgType", "text")));
    }
}
