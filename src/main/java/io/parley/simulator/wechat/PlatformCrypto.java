package io.parley.simulator.wechat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The platform's side of the callback crypto: SHA-1 signatures over sorted parts, and safe mode's AES-256-CBC
 * (key from the EncodingAESKey, IV its first 16 bytes, PKCS#7 to 32 bytes) around random(16) | length | xml | AppID.
 * The simulator seals what it pushes and opens the encrypted replies it gets back.
 */
final class PlatformCrypto {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final byte[] appId;
    private final byte[] key;

    /** @param encodingAesKey empty for an account in plain mode */
    PlatformCrypto(String token, String appId, String encodingAesKey) {
        this.token = token;
        this.appId = appId.getBytes(StandardCharsets.UTF_8);
        this.key = encodingAesKey.isEmpty() ? null : Base64.getDecoder().decode(encodingAesKey + "=");
    }

    boolean safeMode() {
        return key != null;
    }

    /** The signature over the token and the other parts, as the platform computes it. */
    String signature(String... parts) {
        String joined = Stream.concat(Stream.of(token), Stream.of(parts)).sorted()
                .reduce("", String::concat);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String seal(String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        int unpadded = 16 + 4 + body.length + appId.length;
        int padding = 32 - unpadded % 32;
        byte[] plain = new byte[unpadded + padding];
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        ByteBuffer.wrap(plain).put(random).putInt(body.length).put(body).put(appId);
        Arrays.fill(plain, unpadded, plain.length, (byte) padding);
        return Base64.getEncoder().encodeToString(aes(Cipher.ENCRYPT_MODE, plain));
    }

    /** The XML inside an encrypted reply; fails when it is not for this account. */
    String open(String encrypted) {
        byte[] plain = aes(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(encrypted));
        int end = plain.length - (plain[plain.length - 1] & 0xff);
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        byte[] sender = Arrays.copyOfRange(plain, 20 + length, end);
        if (!Arrays.equals(sender, appId)) {
            throw new IllegalArgumentException("the reply is sealed for AppID '"
                    + new String(sender, StandardCharsets.UTF_8) + "'");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    private byte[] aes(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("AES failed: " + e.getMessage(), e);
        }
    }
}
