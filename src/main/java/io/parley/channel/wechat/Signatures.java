package io.parley.channel.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The official-account signatures: the lower-case hex SHA-1 of the parts sorted lexicographically and joined
 * without separator. {@code signature} signs token, timestamp and nonce; {@code msg_signature} (safe mode) also
 * the {@code Encrypt} text.
 */
final class Signatures {

    private Signatures() {
    }

    static String sign(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /** Whether the signature given matches the parts, compared in constant time; a missing signature never does. */
    static boolean verify(String given, String... parts) {
        if (given == null || given.isEmpty()) {
            return false;
        }
        for (String part : parts) {
            if (part == null) {
                return false;
            }
        }
        byte[] expected = sign(parts).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII));
    }
}
