package io.parley.simulator.twilio;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The X-Twilio-Signature of a webhook request: base64 of HMAC-SHA1, keyed with the account's auth token, over the full
 * URL followed by every POST parameter's name and value, in parameter name order.
 */
public final class TwilioSignature {
    public static final String HEADER = "X-Twilio-Signature";
    private static final String ALGORITHM = "HmacSHA1";

    private TwilioSignature() {
    }

    public static String of(String authToken, String url, Map<String, String> postParams) {
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(url, "url");
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(postParams).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] digest = mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot compute " + ALGORITHM + " for a Twilio signature", e);
        }
    }
}
