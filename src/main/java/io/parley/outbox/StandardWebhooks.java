package io.parley.outbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs and verifies webhook requests as the Standard Webhooks specification defines them: the headers
 * webhook-id, webhook-timestamp (unix seconds) and webhook-signature, which holds space-separated entries
 * "v1,&lt;base64 HMAC-SHA256 of 'id.timestamp.body'&gt;". The secret is "whsec_" followed by the base64 of the key.
 * Plain Java, so a receiver (or a test) can use it as well as the deliverer.
 */
public final class StandardWebhooks {
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";
    /** How far a timestamp may be from the receiver's clock, either way. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private StandardWebhooks(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("a webhook key must not be empty");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** From a secret "whsec_&lt;base64&gt;"; the prefix may be left out. */
    public static StandardWebhooks of(String secret) {
        Objects.requireNonNull(secret, "secret");
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            return new StandardWebhooks(Base64.getDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            // never quote the secret itself
            throw new IllegalArgumentException("a webhook secret is whsec_ followed by base64", e);
        }
    }

    /** The webhook-signature value: "v1," and the base64 HMAC-SHA256 of "id.timestamp.body". */
    public String sign(String id, long timestamp, byte[] body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(mac(id, timestamp, body));
    }

    public String sign(String id, long timestamp, String body) {
        return sign(id, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether the request is authentic: the timestamp is a whole number of seconds within {@link #TOLERANCE} of
     * now, and at least one "v1," entry of the space-separated signatures matches (others, such as entries of
     * future versions, are ignored). Compares in constant time.
     */
    public boolean verify(String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (id == null || timestamp == null || signatures == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = mac(id, seconds, body);
        boolean matched = false;
        for (String entry : signatures.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !VERSION.equals(entry.substring(0, comma))) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            matched |= MessageDigest.isEqual(expected, given);
        }
        return matched;
    }

    public boolean verify(String id, String timestamp, String signatures, String body, Instant now) {
        return verify(id, timestamp, signatures, body == null ? null : body.getBytes(StandardCharsets.UTF_8), now);
    }

    private byte[] mac(String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
