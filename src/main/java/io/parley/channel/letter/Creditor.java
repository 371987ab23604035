package io.parley.channel.letter;

import java.util.List;
import java.util.Objects;

/**
 * The creditor as its letters present it: the letterhead name and postal address, its country (a letter abroad gets a
 * country line), the phone number and payment page debtors are given, and the name on the return address, which
 * shows through the envelope window and so must not reveal a debt.
 */
public record Creditor(String name, List<String> address, String country, String phone, String payUrl,
                           String returnName) {
    public Creditor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(payUrl, "payUrl");
        Objects.requireNonNull(returnName, "returnName");
        address = List.copyOf(address);
    }

    /** The return address on one line: name and postal address. */
    String returnLine() {
        return address.isEmpty() ? returnName : returnName + ", " + String.join(", ", address);
    }
}
