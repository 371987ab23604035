package io.parley.simulator.twilio;

import java.util.regex.Pattern;

/** The address checks Twilio makes before it accepts a message or a call. */
final class PhoneNumbers {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");
    private static final String WHATSAPP = "whatsapp:";

    private PhoneNumbers() {
    }

    /** An E.164 number, optionally on the WhatsApp channel ("whatsapp:+14155552345"). */
    static boolean isAddress(String value) {
        if (value == null) {
            return false;
        }
        String number = value.startsWith(WHATSAPP) ? value.substring(WHATSAPP.length()) : value;
        return E164.matcher(number).matches();
    }

    /** What a message may come from: an address or an alphanumeric sender ID of at most 11 characters. */
    static boolean isSender(String value) {
        return isAddress(value) || value != null && ALPHANUMERIC_SENDER.matcher(value).matches();
    }

    /** "+14155552345" becomes "+1415***2345": enough to tell numbers apart in a log, not enough to call one. */
    static String masked(String value) {
        if (value == null || value.length() < 8) {
            return "***";
        }
        return value.substring(0, value.length() - 7) + "***" + value.substring(value.length() - 4);
    }
}
