package io.parley.policy;

import java.util.Set;

/**
 * Where a rule pack applies: debtors located in one of the countries (ISO 3166-1 alpha-2, "US") or regions
 * ("US-MA"), by address or by phone number. A pack with neither is the fallback used when no other pack applies.
 */
public record Applicability(Set<String> countries, Set<String> regions) {
    public Applicability {
        countries = Set.copyOf(countries);
        regions = Set.copyOf(regions);
    }

    public boolean fallback() {
        return countries.isEmpty() && regions.isEmpty();
    }
}
