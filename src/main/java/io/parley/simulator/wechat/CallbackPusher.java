package io.parley.simulator.wechat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes messages and events to the account's server URL as the platform does: signed query parameters, the XML in
 * plain mode or sealed in safe mode (encrypt_type=aes, msg_signature), and the same push again when no answer came
 * within 5 seconds, three tries in all. The answer is read back as a passive reply, opened when it is sealed.
 */
final class CallbackPusher {
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    static final int TRIES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(CallbackPusher.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebClient client;
    private final PlatformCrypto crypto;
    private final String accountId;
    private final Clock clock;

    CallbackPusher(WebClient client, PlatformCrypto crypto, String accountId, Clock clock) {
        this.client = client;
        this.crypto = crypto;
        this.accountId = accountId;
        this.clock = clock;
    }

    Future<Push> push(String url, String openId, String xml) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = Integer.toString(RANDOM.nextInt(1_000_000_000));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("signature", crypto.signature(timestamp, nonce));
        query.put("timestamp", timestamp);
        query.put("nonce", nonce);
        query.put("openid", openId);
        String body = xml;
        if (crypto.safeMode()) {
            String sealed = crypto.seal(xml);
            query.put("encrypt_type", "aes");
            query.put("msg_signature", crypto.signature(timestamp, nonce, sealed));
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("ToUserName", accountId);
            envelope.put("Encrypt", sealed);
            body = XmlFields.write(envelope);
        }
        return attempt(url, query, body, xml, 1);
    }

    private Future<Push> attempt(String url, Map<String, String> query, String body, String xml, int tryNo) {
        HttpRequest<Buffer> request = client.postAbs(url).timeout(ANSWER_WITHIN.toMillis())
                .putHeader("Content-Type", "text/xml; charset=utf-8");
        query.forEach(request::addQueryParam);
        return request.sendBuffer(Buffer.buffer(body)).transform(answer -> {
            if (answer.failed()) {
                if (tryNo < TRIES) {
                    LOG.debug("push to {} got no answer ({}); pushing again", url, answer.cause().toString());
                    return attempt(url, query, body, xml, tryNo + 1);
                }
                return Future.succeededFuture(new Push(xml, 0, "", "", tryNo));
            }
            HttpResponse<Buffer> response = answer.result();
            String text = response.bodyAsString() == null ? "" : response.bodyAsString();
            return Future.succeededFuture(new Push(xml, response.statusCode(), text, reply(text), tryNo));
        });
    }

    /** The passive reply inside an answer: opened (after its signature is checked) when sealed; empty for none. */
    private String reply(String answer) {
        String trimmed = answer.trim();
        if (trimmed.isEmpty() || "success".equals(trimmed) || !trimmed.startsWith("<xml>")) {
            return "";
        }
        var sealed = XmlFields.read(trimmed, "Encrypt");
        if (sealed.isEmpty()) {
            return trimmed;
        }
        String signature = XmlFields.read(trimmed, "MsgSignature").orElse("");
        String expected = crypto.signature(XmlFields.read(trimmed, "TimeStamp").orElse(""),
                XmlFields.read(trimmed, "Nonce").orElse(""), sealed.get());
        if (!expected.equals(signature)) {
            LOG.warn("A passive reply's MsgSignature does not match; the platform would drop it");
            return "";
        }
        return crypto.open(sealed.get());
    }
}
