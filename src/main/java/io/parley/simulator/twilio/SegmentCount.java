package io.parley.simulator.twilio;

/**
 * How many SMS segments a body takes, the way carriers count them: GSM 03.38 text fits 160 septets in one segment
 * and 153 per part when concatenated (extension characters take two septets); anything else is sent as UCS-2, 70
 * code units in one segment and 67 per part.
 */
final class SegmentCount {
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    private SegmentCount() {
    }

    static int of(String body) {
        if (body == null || body.isEmpty()) {
            return 1;
        }
        int septets = gsmSeptets(body);
        if (septets >= 0) {
            return septets <= 160 ? 1 : ceilDiv(septets, 153);
        }
        int units = body.length();
        return units <= 70 ? 1 : ceilDiv(units, 67);
    }

    /** The body's length in GSM septets, or -1 when it holds a character outside the GSM alphabet. */
    private static int gsmSeptets(String body) {
        int septets = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return -1;
            }
        }
        return septets;
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
