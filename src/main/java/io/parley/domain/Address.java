package io.parley.domain;

import java.util.List;

/** A postal address. country is ISO 3166-1 alpha-2 (upper case); region is e.g. a US state code ("CA") or a province. */
public record Address(String country, String region, String city, String postalCode, List<String> lines) {
    public Address {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
