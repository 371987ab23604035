package io.parley.simulator.twilio;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Twilio resource identifiers: a two-letter type prefix ("SM", "CA", ...) and 32 lower-case hex digits. */
final class Sids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Sids() {
    }

    static String next(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HEX.formatHex(bytes);
    }

    static boolean isValid(String prefix, String sid) {
        return sid != null && sid.matches(prefix + "[0-9a-fA-F]{32}");
    }
}
