package io.parley.policy;

import io.parley.domain.Address;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The time zones a postal address may be in, from its country and region (a table of "country,region,zone"; an
 * empty region lists every zone of the country). A region listed in the table gives its own zones, one that spans
 * zones giving each of them; no region, or one the table does not know, gives every zone of the country; a country
 * the table does not know gives nothing. Immutable and thread-safe.
 */
public final class RegionZones {
    /** The class path resource of the shipped table. */
    public static final String RESOURCE = "/policy/region-zones.csv";

    private static final List<String> HEADER = List.of("country", "region", "zone");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern REGION = Pattern.compile("[A-Z0-9]{1,3}");

    /**
     * The zones found for an address and what they were found by: key is "US-CA" when the region is known, "US"
     * when the zones are every zone of the country.
     */
    public record Match(String key, List<ZoneId> zones) {
        public Match {
            zones = List.copyOf(zones);
        }
    }

    private final Map<String, List<ZoneId>> zonesByKey;

    private RegionZones(Map<String, List<ZoneId>> zonesByKey) {
        this.zonesByKey = zonesByKey;
    }

    /** The shipped table, read once. */
    public static RegionZones standard() {
        return Shipped.INSTANCE;
    }

    /** A table from lines of "country,region,zone" ('#' comments and blank lines skipped). */
    public static RegionZones parse(String file, List<String> lines) {
        Map<String, Set<ZoneId>> zones = new LinkedHashMap<>();
        for (RegionZonesCsv.Line line : RegionZonesCsv.parse(file, lines, HEADER)) {
            String country = line.field(0);
            String region = line.field(1);
            if (!COUNTRY.matcher(country).matches()) {
                throw line.error("country '" + country + "' is not an upper-case ISO 3166-1 alpha-2 code");
            }
            if (!region.isEmpty() && !REGION.matcher(region).matches()) {
                throw line.error("region '" + region + "' is not an upper-case ISO 3166-2 subdivision code");
            }
            ZoneId zone = zone(line, line.field(2));
            zones.computeIfAbsent(key(country, region.isEmpty() ? null : region), k -> new LinkedHashSet<>())
                    .add(zone);
        }
        Map<String, List<ZoneId>> byKey = new LinkedHashMap<>();
        zones.forEach((key, set) -> byKey.put(key, List.copyOf(set)));
        for (String key : byKey.keySet()) {
            String country = key.substring(0, 2);
            if (key.length() > 2 && !byKey.containsKey(country)) {
                throw new IllegalArgumentException(file + ": region " + key + " has no country rows for " + country);
            }
        }
        return new RegionZones(Map.copyOf(byKey));
    }

    /**
     * The zones of an address's country and region. country is ISO 3166-1 alpha-2 and region an ISO 3166-2
     * subdivision code, with or without the country prefix ("CA" or "US-CA"), in any case. Empty when the country
     * is missing or not in the table.
     */
    public Optional<Match> lookup(String country, String region) {
        String c = normalize(country);
        if (c == null) {
            return Optional.empty();
        }
        String r = normalize(region);
        if (r != null && r.startsWith(c + "-")) {
            r = r.substring(c.length() + 1);
        }
        if (r != null) {
            String regional = key(c, r);
            List<ZoneId> zones = zonesByKey.get(regional);
            if (zones != null) {
                return Optional.of(new Match(regional, zones));
            }
        }
        return Optional.ofNullable(zonesByKey.get(c)).map(zones -> new Match(c, zones));
    }

    /** Every zone of a country (empty when the table does not know it). */
    public List<ZoneId> countryZones(String country) {
        String c = normalize(country);
        return c == null ? List.of() : zonesByKey.getOrDefault(c, List.of());
    }

    /** Whether the table lists zones of its own for this region of this country. */
    public boolean knowsRegion(String country, String region) {
        return lookup(country, region).map(m -> m.key().length() > 2).orElse(false);
    }

    /** The candidate zones of a postal address, each with the source "address US-CA" (or "address US"). */
    public List<CandidateZone> candidates(Address address) {
        if (address == null) {
            return List.of();
        }
        List<CandidateZone> candidates = new ArrayList<>();
        lookup(address.country(), address.region()).ifPresent(match -> match.zones()
                .forEach(zone -> candidates.add(new CandidateZone(zone, "address " + match.key()))));
        return List.copyOf(candidates);
    }

    private static ZoneId zone(RegionZonesCsv.Line line, String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw line.error("'" + id + "' is not a time zone id: " + e.getMessage());
        }
    }

    private static String key(String country, String region) {
        return region == null ? country : country + "-" + region;
    }

    private static String normalize(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return code.strip().toUpperCase(Locale.ROOT);
    }

    private static final class Shipped {
        static final RegionZones INSTANCE = parse(RESOURCE, RegionZonesCsv.lines(RESOURCE));
    }
}
