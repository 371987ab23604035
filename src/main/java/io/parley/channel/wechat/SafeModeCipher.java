package io.parley.channel.wechat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The official account's safe mode: AES-256-CBC under key = Base64(EncodingAESKey + "="), IV = the key's first 16
 * bytes, padded with PKCS#7 to 32-byte blocks. The plaintext is 16 random bytes, the message's length as 4 bytes
 * big-endian, the message (UTF-8), then the AppID, which must be ours.
 */
final class SafeModeCipher {
    private static final int BLOCK = 32;
    private static final int RANDOM_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final byte[] appId;

    SafeModeCipher(String encodingAesKey, String appId) {
        this.key = new SecretKeySpec(aesKey(encodingAesKey), "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(key.getEncoded(), 16));
        this.appId = appId.getBytes(StandardCharsets.UTF_8);
    }

    /** The 32-byte AES key an EncodingAESKey (43 characters of Base64) stands for. */
    static byte[] aesKey(String encodingAesKey) {
        if (encodingAesKey == null || !encodingAesKey.matches("[A-Za-z0-9+/]{43}")) {
            throw new IllegalArgumentException("an EncodingAESKey is 43 characters of A-Z, a-z, 0-9 (and + /)");
        }
        return Base64.getDecoder().decode(encodingAesKey + "=");
    }

    String encrypt(String message) {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return encrypt(random, message);
    }

    /** Encrypts with the random prefix given (tests use the published one), answering the Base64 text. */
    String encrypt(byte[] random, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        int length = RANDOM_BYTES + 4 + text.length + appId.length;
        int pad = BLOCK - length % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(length + pad);
        plain.put(random, 0, RANDOM_BYTES).putInt(text.length).put(text).put(appId);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, plain.array()));
    }

    /** The message inside an {@code Encrypt} text, once its padding, length and AppID check out. */
    String decrypt(String encrypted) {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypted.strip());
        } catch (IllegalArgumentException e) {
            throw new WechatProtocolException("the Encrypt text is not Base64");
        }
        if (cipherText.length == 0 || cipherText.length % 16 != 0) {
            throw new WechatProtocolException("the Encrypt text is not a whole number of AES blocks");
        }
        byte[] plain = run(Cipher.DECRYPT_MODE, cipherText);
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new WechatProtocolException("the decrypted message has bad padding");
        }
        int end = plain.length - pad;
        if (end < RANDOM_BYTES + 4) {
            throw new WechatProtocolException("the decrypted message is too short");
        }
        int length = ByteBuffer.wrap(plain, RANDOM_BYTES, 4).getInt();
        int from = RANDOM_BYTES + 4;
        if (length < 0 || length > end - from) {
            throw new WechatProtocolException("the decrypted message's length field is out of range");
        }
        byte[] sender = Arrays.copyOfRange(plain, from + length, end);
        if (!java.security.MessageDigest.isEqual(sender, appId)) {
            throw new WechatProtocolException("the message is for another AppID");
        }
        return new String(plain, from, length, StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, key, iv);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new WechatProtocolException("AES failed: " + e.getMessage());
        }
    }
}
