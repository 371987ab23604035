package io.parley.e2e.hostile;

import io.parley.Parley;
import io.parley.testing.ServiceHarness;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's limits over raw sockets, as an attacker would send: every refusal is a problem document, a slow
 * body is cut off, and a provider's form is bounded before its signature is computed.
 */
class ServerLimitsTest {
    private static ServiceHarness harness;
    private static Parley parley;

    @BeforeAll
    static void start() {
        harness = new ServiceHarness();
        parley = harness.start(Map.of("dispatch.enabled", "false", "http.readTimeout", "PT1S"));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    /** A raw exchange: what is sent, then everything the server answers until it closes or goes quiet. */
    record Raw(int status, String headers, String body, long millis) {
        JsonObject problem() {
            assertTrue(headers.toLowerCase().contains("content-type: application/problem+json"), headers + body);
            return new JsonObject(body);
        }
    }

    static Raw send(byte[]... parts) throws IOException {
        return send(0, parts);
    }

    static Raw send(long pauseMillis, byte[]... parts) throws IOException {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", parley.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            for (byte[] part : parts) {
                try {
                    out.write(part);
                    out.flush();
                } catch (IOException closed) {
                    break; // the server may answer and close before all was sent
                }
                ServiceHarness.sleep(pauseMillis);
            }
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            InputStream stream = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = stream.read(buffer)) > 0; ) {
                    in.write(buffer, 0, n);
                    if (complete(in.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // what came is what there is
            }
            String text = in.toString(StandardCharsets.UTF_8);
            long millis = (System.nanoTime() - started) / 1_000_000;
            int split = text.indexOf("\r\n\r\n");
            assertTrue(split > 0, "no answer: '" + text + "'");
            return new Raw(Integer.parseInt(text.substring(9, 12)), text.substring(0, split),
                    text.substring(split + 4), millis);
        }
    }

    private static boolean complete(String text) {
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        var m = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(text.substring(0, split));
        return m.find() && text.length() - split - 4 >= Integer.parseInt(m.group(1));
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void oversizedHeadersAre431WithAProblemBody() throws IOException {
        Raw raw = send(ascii("GET /v1/sequences HTTP/1.1\r\nHost: x\r\nX-Pad: " + "a".repeat(9000) + "\r\n\r\n"));
        assertEquals(431, raw.status(), raw.headers());
        assertEquals(431, raw.problem().getInteger("status"));
    }

    @Test
    void aNulInAHeaderIs400WithAProblemBody() throws IOException {
        Raw raw = send(ascii("GET /v1/sequences HTTP/1.1\r\nHost: x\r\nX-Evil: a\u0000b\r\n\r\n"));
        assertEquals(400, raw.status(), raw.headers());
        assertTrue(raw.problem().getJsonArray("errors").encode().contains("headers"), raw.body());
    }

    @Test
    void anOverlongRequestLineIs414WithAProblemBody() throws IOException {
        Raw raw = send(ascii("GET /v1/sequences?x=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertEquals(414, raw.status(), raw.headers());
        assertEquals(414, raw.problem().getInteger("status"));
    }

    @Test
    void aBodyTrickledInIsCutOffAfterTheReadTimeout() throws IOException {
        String head = "POST /v1/replies/classify HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + ServiceHarness.ADMIN_KEY + "\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n";
        byte[][] parts = new byte[8][];
        parts[0] = ascii(head);
        for (int i = 1; i < parts.length; i++) {
            parts[i] = ascii("{");
        }
        Raw raw = send(400, parts);
        assertEquals(408, raw.status(), raw.headers());
        assertEquals(408, raw.problem().getInteger("status"));
        assertTrue(raw.millis() < 4000, "cut off after " + raw.millis() + " ms");
    }

    @Test
    void transferEncodingWithContentLengthIsRefused() throws IOException {
        Raw raw = send(ascii("POST /v1/replies/classify HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n"
                + "Content-Length: 5\r\nContent-Type: application/json\r\n\r\n{}"));
        assertTrue(raw.status() == 400 || raw.status() == 501, raw.headers());
        assertTrue(raw.millis() < 3000, "answered after " + raw.millis() + " ms");
        raw.problem();
    }

    private static Raw form(String body) throws IOException {
        return send(ascii("POST /webhooks/twilio/sms/inbound HTTP/1.1\r\nHost: x\r\nX-Twilio-Signature: bogus\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body));
    }

    @Test
    void aProviderFormWithTooManyFieldsIs413BeforeItsSignatureIsChecked() throws IOException {
        StringBuilder body = new StringBuilder("MessageSid=SM1");
        for (int i = 0; i < 5000; i++) {
            body.append("&f").append(i).append("=1");
        }
        Raw raw = form(body.toString());
        assertEquals(413, raw.status(), raw.headers() + raw.body());
        assertTrue(raw.problem().getJsonArray("errors").encode().contains("form"), raw.body());
    }

    @Test
    void aProviderFormWithAnOversizedFieldIs413() throws IOException {
        Raw raw = form("MessageSid=SM1&Body=" + "a".repeat(20_000));
        assertEquals(413, raw.status(), raw.headers() + raw.body());
        assertTrue(raw.problem().getJsonArray("errors").encode().contains("Body"), raw.body());
    }

    @Test
    void aProviderFormWithABrokenEncodingIs400() throws IOException {
        Raw raw = form("MessageSid=SM1&Body=%E0%A4%A&From=%zz");
        assertEquals(400, raw.status(), raw.headers() + raw.body());
        raw.problem();
    }

    @Test
    void aHugeChunkedProviderFormIs413() throws IOException {
        String head = "POST /webhooks/twilio/sms/inbound HTTP/1.1\r\nHost: x\r\nX-Twilio-Signature: bogus\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n";
        String chunk = Integer.toHexString(64 * 1024) + "\r\n" + "a".repeat(64 * 1024) + "\r\n";
        byte[][] parts = new byte[1 + 80][];
        parts[0] = ascii(head);
        for (int i = 1; i < parts.length; i++) {
            parts[i] = ascii(chunk);
        }
        Raw raw = send(parts);
        assertEquals(413, raw.status(), raw.headers() + raw.body());
    }

    @Test
    void oddProviderFormsAreAnsweredAtOnce() throws IOException {
        for (String body : new String[]{"", "\u00ef\u00bf\u00bd\u0000", "=", "&&&", "a", "%", "\u00ff=\u00ff"}) {
            Raw raw = form(body);
            assertTrue(raw.status() == 400 || raw.status() == 403, body + ": " + raw.headers() + raw.body());
            assertTrue(raw.millis() < 2000, body + " answered after " + raw.millis() + " ms");
        }
    }

    @Test
    void aFormToACallWebhookWithAnIdThatIsNoIdIsAnswered() throws IOException {
        for (int i = 0; i < 20; i++) {
            String body = "{\"\":9223372036854774210}";
            Raw raw = send(ascii("POST /webhooks/twilio/voice/%E7%8A%9C/answer HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body));
            assertTrue(raw.status() < 500 && raw.millis() < 2000, raw.status() + " after " + raw.millis());
        }
    }

    @Test
    void anUnsignedProviderFormIs403() throws IOException {
        Raw raw = form("MessageSid=SM1&From=%2B16465550100&Body=STOP");
        assertEquals(403, raw.status(), raw.headers() + raw.body());
    }
}
