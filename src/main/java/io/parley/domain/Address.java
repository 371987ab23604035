package io.parley.domain;

import java.util.ArrayList;
import java.util.List;

/** A postal address. country is ISO 3166-1 alpha-2 (upper case); region is e.g. a US state code ("CA") or a province. */
public record Address(String country, String region, String city, String postalCode, List<String> lines) {
    public Address {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The address on one line, as a postal contact point holds it: lines, postal code and city, region, country. */
    public String postalLine() {
        List<String> parts = new ArrayList<>(lines);
        String place = String.join(" ", java.util.stream.Stream.of(postalCode, city)
                .filter(s -> s != null).toList());
        if (!place.isEmpty()) {
            parts.add(place);
        }
        if (region != null) {
            parts.add(region);
        }
        if (country != null) {
            parts.add(country);
        }
        return String.join(", ", parts);
    }

    /** The parts a letter cannot go without that this address lacks: "lines", "city", "postalCode". */
    public List<String> missingForMail() {
        List<String> missing = new ArrayList<>();
        if (lines.stream().allMatch(String::isBlank)) {
            missing.add("lines");
        }
        if (city == null || city.isBlank()) {
            missing.add("city");
        }
        if (postalCode == null || postalCode.isBlank()) {
            missing.add("postalCode");
        }
        return missing;
    }
}
