package io.parley.api;

import io.parley.domain.Channel;

/**
 * Contact addresses as a key that may not see them is shown them: enough to tell two apart, not enough to contact
 * anyone. "+16465550101" becomes "+16*******01", "alex.morgan@example.com" "a***@example.com", a postal line or an
 * account id its first two characters.
 */
final class AddressMask {
    private static final String HIDDEN = "***";

    private AddressMask() {
    }

    static String mask(Channel channel, String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        return switch (channel.format()) {
            case PHONE -> address.length() <= 5 ? HIDDEN
                    : address.substring(0, 3) + "*".repeat(address.length() - 5) + address.substring(address.length() - 2);
            case EMAIL -> {
                int at = address.lastIndexOf('@');
                yield at <= 0 ? HIDDEN : address.charAt(0) + HIDDEN + address.substring(at);
            }
            case ACCOUNT_ID, POSTAL -> address.length() <= 2 ? HIDDEN : address.substring(0, 2) + HIDDEN;
        };
    }
}
