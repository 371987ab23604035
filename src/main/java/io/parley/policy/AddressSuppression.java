package io.parley.policy;

import io.parley.domain.Channel;

import java.util.Locale;
import java.util.Objects;

/**
 * An address on the address-level suppression list (an opt-out, a cease or a wrong number recorded against a channel
 * and address, whichever debtor it came through): no attempt goes to it, under any debtor, until it is lifted.
 *
 * @param why what stands against the address and since when ("opt_out by reply (...) since 2026-...")
 */
public record AddressSuppression(Channel channel, String address, String why) {
    public static final String RULE = "suppressed-address";

    public AddressSuppression {
        Objects.requireNonNull(channel, "channel");
        address = normalised(Objects.requireNonNull(address, "address"));
        Objects.requireNonNull(why, "why");
    }

    /** The form addresses are compared in: trimmed, lower case. */
    public static String normalised(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    boolean covers(Channel channel, String address) {
        return this.channel == channel && address != null && this.address.equals(normalised(address));
    }

    /** The decision's reason: why the address is suppressed (without the address itself, as decisions never hold it). */
    public String reason() {
        return "address suppressed: " + why + " (the " + channel.wire()
                + " suppression list: no contact to this address under any debtor)";
    }
}
