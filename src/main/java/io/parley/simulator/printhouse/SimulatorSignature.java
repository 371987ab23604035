package io.parley.simulator.printhouse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The print house's side of the shared-secret signature: {@code Print-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>">}, checked on what Parley sends and put on every callback.
 */
final class SimulatorSignature {
    static final String HEADER = "Print-Signature";
    private final byte[] secret;

    SimulatorSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String sign(byte[] body, Instant at) {
        return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(mac(at.getEpochSecond(), body));
    }

    boolean valid(String header, byte[] body) {
        if (header == null || !header.startsWith("t=") || !header.contains(",v1=")) {
            return false;
        }
        try {
            long t = Long.parseLong(header.substring(2, header.indexOf(',')));
            byte[] given = HexFormat.of().parseHex(header.substring(header.indexOf(",v1=") + 4));
            return MessageDigest.isEqual(mac(t, body), given);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] mac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
