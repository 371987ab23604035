package io.parley.channel.wechat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The official account's server side of the callback protocol, without the HTTP: URL verification, signed plain
 * messages, safe-mode messages (msg_signature over the Encrypt text, AES, our AppID inside), and passive replies
 * encrypted the same way as the message they answer.
 */
final class ServerProtocol {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final Optional<SafeModeCipher> cipher;
    private final Clock clock;

    ServerProtocol(String token, String appId, String encodingAesKey, Clock clock) {
        this.token = token;
        this.cipher = encodingAesKey == null || encodingAesKey.isEmpty()
                ? Optional.empty() : Optional.of(new SafeModeCipher(encodingAesKey, appId));
        this.clock = clock;
    }

    /** The query parameters the platform signs its requests with. */
    record Query(String signature, String timestamp, String nonce, String echostr, String encryptType,
                 String msgSignature) {
        boolean safeMode() {
            return "aes".equalsIgnoreCase(encryptType);
        }
    }

    /** A message that passed the checks, and whether it came (and is answered) in safe mode. */
    record Received(InboundMessage message, boolean safeMode) {
    }

    /** The echostr to answer a URL verification with, or empty when the signature does not match. */
    Optional<String> verifyUrl(Query query) {
        return signed(query) && query.echostr() != null ? Optional.of(query.echostr()) : Optional.empty();
    }

    /**
     * Checks and reads a POSTed message.
     *
     * @throws Forged                   when the signature does not match (or safe mode's msg_signature)
     * @throws WechatProtocolException when the body is not acceptable (XML, encryption, AppID)
     */
    Received receive(Query query, byte[] body) {
        if (!query.safeMode()) {
            if (!signed(query)) {
                throw new Forged("signature");
            }
            return new Received(InboundMessage.of(PlatformXml.read(body)), false);
        }
        SafeModeCipher safe = cipher.orElseThrow(() -> new WechatProtocolException(
                "a safe-mode message arrived but no EncodingAESKey is configured (wechat.encodingAesKey)"));
        // check the signature over the envelope before anything inside it is decrypted
        String encrypt = PlatformXml.read(body).get("Encrypt");
        if (encrypt == null || encrypt.isEmpty()) {
            throw new WechatProtocolException("a safe-mode message without Encrypt");
        }
        if (!Signatures.verify(query.msgSignature(), token, query.timestamp(), query.nonce(), encrypt)) {
            throw new Forged("msg_signature");
        }
        String xml = safe.decrypt(encrypt);
        return new Received(InboundMessage.of(PlatformXml.read(xml.getBytes(StandardCharsets.UTF_8))), true);
    }

    /** A passive text reply to the message, encrypted when the message was. */
    String reply(Received received, String text) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ToUserName", received.message().fromUser());
        fields.put("FromUserName", received.message().toUser());
        fields.put("CreateTime", now);
        fields.put("MsgType", "text");
        fields.put("Content", text);
        String plain = PlatformXml.write(fields);
        if (!received.safeMode()) {
            return plain;
        }
        String encrypt = cipher.orElseThrow().encrypt(plain);
        String timestamp = Long.toString(now);
        String nonce = Integer.toString(RANDOM.nextInt(1_000_000_000));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("Encrypt", encrypt);
        envelope.put("MsgSignature", Signatures.sign(token, timestamp, nonce, encrypt));
        envelope.put("TimeStamp", now);
        envelope.put("Nonce", nonce);
        return PlatformXml.write(envelope);
    }


    private boolean signed(Query query) {
        return Signatures.verify(query.signature(), token, query.timestamp(), query.nonce());
    }

    /** A request whose signature does not match: answered 403. */
    static final class Forged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Forged(String parameter) {
            super("the " + parameter + " does not match");
        }
    }
}
