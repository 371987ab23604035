package io.parley.template;

/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet: the basic character set, one septet each, and the characters of
 * the extension table, sent as an escape plus one septet. Nothing else can be sent as GSM-7.
 */
final class Gsm7Alphabet {

    /** The basic set in table order (0x00-0x7F), the escape (0x1B) left out as it is not a character. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** The extension table: form feed, ^ { } \ [ ~ ] | and the euro sign. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private Gsm7Alphabet() {
    }

    /** Septets the code point takes in GSM-7 (1 basic, 2 extension), or 0 when it is not in the alphabet. */
    static int septets(int codePoint) {
        if (codePoint > Character.MAX_VALUE) {
            return 0;
        }
        char c = (char) codePoint;
        if (BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }

    /** Whether every character of the text is in the alphabet. */
    static boolean encodes(String text) {
        return text.codePoints().allMatch(cp -> septets(cp) > 0);
    }
}
