package io.parley.channel.letter;

import io.parley.domain.Address;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The recipient block of a letter as the post of the address's country expects it: name and street lines first,
 * then the city line in the country's order ("New York, NY 10001", "SW1A 1AA" below "London", "10115 Berlin"); a
 * Chinese address reads from the postal code down to the name. The country is added, in English capitals, when the
 * letter crosses a border.
 */
final class RecipientAddress {
    private static final Set<String> CITY_REGION_CODE = Set.of("US", "CA", "AU");
    private static final Set<String> CITY_THEN_CODE = Set.of("GB", "IE");

    private RecipientAddress() {
    }

    /** What the address lacks for a letter (none at all when there is no address). */
    static List<String> missing(Address address) {
        return address == null ? List.of("lines", "city", "postalCode") : address.missingForMail();
    }

    static List<String> lines(String name, Address a, String senderCountry) {
        String country = a.country() == null ? "" : a.country().toUpperCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        List<String> street = a.lines().stream().filter(l -> !blank(l)).map(String::strip).toList();
        if ("CN".equals(country)) {
            add(out, a.postalCode());
            add(out, join("", a.region(), a.city()));
            out.addAll(street);
            add(out, name);
        } else {
            add(out, name);
            out.addAll(street);
            if (CITY_REGION_CODE.contains(country)) {
                add(out, join(" ", join(", ", a.city(), a.region()), a.postalCode()));
            } else if (CITY_THEN_CODE.contains(country)) {
                add(out, a.city());
                add(out, a.postalCode());
            } else {
                add(out, join(" ", a.postalCode(), a.city()));
            }
        }
        if (!country.isEmpty() && !country.equalsIgnoreCase(senderCountry)) {
            add(out, new Locale("", country).getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ENGLISH));
        }
        return out;
    }

    /** The address on one line (for the manifest and the timeline). */
    static String oneLine(List<String> lines) {
        return String.join(", ", lines);
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (!blank(p)) {
                present.add(p.strip());
            }
        }
        return String.join(separator, present);
    }

    private static void add(List<String> out, String line) {
        if (!blank(line)) {
            out.add(line.strip());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
