package io.parley.channel.letter;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Signs and checks what passes between Parley and the print house, both ways: the header
 * {@value #HEADER}{@code : t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">} under a shared secret. A signature
 * older or newer than the tolerance is refused, so a captured callback cannot be replayed later.
 */
public final class PrintHouseSignature {
    public static final String HEADER = "Print-Signature";
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;

    public PrintHouseSignature(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("a print-house secret has at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(byte[] body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
    }

    /** Whether the header signs this body under our secret, within the tolerance of now. */
    public boolean verify(String header, byte[] body, Instant now) {
        if (header == null) {
            return false;
        }
        Long t = null;
        byte[] given = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            try {
                if (kv.length == 2 && kv[0].equals("t")) {
                    t = Long.parseLong(kv[1]);
                } else if (kv.length == 2 && kv[0].equals("v1")) {
                    given = HexFormat.of().parseHex(kv[1]);
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (t == null || given == null
                || Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        return MessageDigest.isEqual(mac(t, body), given);
    }

    private byte[] mac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is always available", e);
        }
    }
}
