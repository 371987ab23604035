package io.parley.channel;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * Opt-out links that cannot be guessed or altered: the contact point's id with an HMAC-SHA256 tag under a key the
 * service keeps in its database.
 */
public final class OptOutLinks {
    public static final String PATH = "/optout/";
    private static final int TAG_CHARS = 27;
    private final String baseUrl;
    private final SecretKeySpec key;

    public OptOutLinks(String publicBaseUrl, byte[] key) {
        this.baseUrl = publicBaseUrl;
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public String url(long contactPointId) {
        return baseUrl + PATH + token(contactPointId);
    }

    String token(long contactPointId) {
        return contactPointId + "." + tag(contactPointId);
    }

    /** The contact point a token names, if the token is genuine. */
    public OptionalLong verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return OptionalLong.empty();
        }
        try {
            long id = Long.parseLong(token.substring(0, dot));
            if (!Long.toString(id).equals(token.substring(0, dot))) {
                return OptionalLong.empty(); // one spelling per contact point: no "+42" or "042"
            }
            boolean genuine = MessageDigest.isEqual(tag(id).getBytes(StandardCharsets.US_ASCII),
                    token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
            return genuine ? OptionalLong.of(id) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private String tag(long id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("optout:" + id).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, TAG_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
