package io.parley.policy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.Debtor;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The time zones a phone number may be in. libphonenumber parses and validates the number and tells its country,
 * whether it is geographic and how long its area code is; the area code then gives a region (a table of
 * "calling_code,area_code,country,region", for the NANP, Australia and Brazil), and the region its zones
 * ({@link RegionZones}). A geographic number whose area code is not in the table, and a mobile number, may be
 * anywhere in its country; any other non-geographic number (toll-free, personal, VoIP) anywhere in every country
 * sharing its calling code. An invalid number, or one of no country, gives nothing. Immutable and thread-safe.
 */
public final class PhoneZones {
    /** The class path resource of the shipped area code table. */
    public static final String RESOURCE = "/policy/phone-area-regions.csv";

    private static final List<String> HEADER = List.of("calling_code", "area_code", "country", "region");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,4}");
    private static final String NON_GEOGRAPHIC_ENTITY = "001";
    private static final int VISIBLE_PREFIX = 8;
    private static final int MIN_HIDDEN = 4;
    private static final int MEMO_LIMIT = 20_000;

    /** A region an area code is in. */
    private record Place(String country, String region) {
    }

    /** A number as a contact point gives it, with the country of the debtor's address. */
    private record Asked(String number, String regionHint) {
    }

    private final RegionZones regions;
    private final Map<String, List<Place>> placesByArea;
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    /** Parsing and placing a number is most of a decision's work; a debtor's numbers come back at every step. */
    private final Memo<Asked, List<CandidateZone>> placed = new Memo<>(MEMO_LIMIT,
            asked -> place(asked.number(), asked.regionHint()));

    private PhoneZones(RegionZones regions, Map<String, List<Place>> placesByArea) {
        this.regions = regions;
        this.placesByArea = placesByArea;
    }

    /** The shipped area code table over the shipped region table, read once. */
    public static PhoneZones standard() {
        return Shipped.INSTANCE;
    }

    /**
     * An area code table from lines of "calling_code,area_code,country,region" ('#' comments and blank lines
     * skipped); every region must be one the region table lists zones for.
     */
    public static PhoneZones parse(RegionZones regions, String file, List<String> lines) {
        Map<String, Set<Place>> places = new LinkedHashMap<>();
        for (RegionZonesCsv.Line line : RegionZonesCsv.parse(file, lines, HEADER)) {
            String callingCode = line.field(0);
            String areaCode = line.field(1);
            if (!DIGITS.matcher(callingCode).matches() || !DIGITS.matcher(areaCode).matches()) {
                throw line.error("calling code '" + callingCode + "' and area code '" + areaCode
                        + "' must be 1 to 4 digits");
            }
            Place place = new Place(line.field(2), line.field(3));
            if (!regions.knowsRegion(place.country(), place.region())) {
                throw line.error("region " + place.country() + "-" + place.region() + " has no zones of its own");
            }
            places.computeIfAbsent(callingCode + "," + areaCode, k -> new LinkedHashSet<>()).add(place);
        }
        Map<String, List<Place>> byArea = new LinkedHashMap<>();
        places.forEach((area, set) -> byArea.put(area, List.copyOf(set)));
        return new PhoneZones(regions, Map.copyOf(byArea));
    }

    /**
     * The zones a number may be in. number is E.164 ("+12125550123"); a number without the leading '+' is read as
     * a national number of regionHint (ISO 3166-1 alpha-2, may be null). Empty when the number cannot be placed.
     */
    public List<ZoneId> zones(String number, String regionHint) {
        return parse(number, regionHint).map(this::zones).orElse(List.of());
    }

    /**
     * The candidate zones of the debtor's own phone numbers (sms and voice contact points not of a third party),
     * in contact point order, each with the source "phone " and the masked number.
     */
    public List<CandidateZone> candidates(Debtor debtor) {
        String hint = debtor.address() == null ? null : debtor.address().country();
        List<CandidateZone> candidates = new ArrayList<>();
        for (ContactPoint point : debtor.contactPoints()) {
            if (!isOwnPhone(point)) {
                continue;
            }
            candidates.addAll(placed.get(new Asked(point.address(), hint)));
        }
        return List.copyOf(candidates);
    }

    /** The candidate zones of one number, each with the masked number as its source. */
    private List<CandidateZone> place(String address, String hint) {
        return parse(address, hint).map(number -> {
            String source = "phone " + mask(util.format(number, PhoneNumberFormat.E164));
            return zones(number).stream().map(zone -> new CandidateZone(zone, source)).toList();
        }).orElse(List.of());
    }

    /**
     * The number as it may appear in a decision's facts: the first 8 characters kept ("+1212555"), every other one
     * replaced by '*', and never fewer than the last 4 hidden.
     */
    public static String mask(String number) {
        if (number == null) {
            return "";
        }
        int visible = Math.max(0, Math.min(VISIBLE_PREFIX, number.length() - MIN_HIDDEN));
        return number.substring(0, visible) + "*".repeat(number.length() - visible);
    }

    private static boolean isOwnPhone(ContactPoint point) {
        return point != null
                && (point.channel() == Channel.SMS || point.channel() == Channel.VOICE)
                && (point.type() == null || !point.type().thirdParty())
                && point.address() != null && !point.address().isBlank();
    }

    private Optional<PhoneNumber> parse(String number, String regionHint) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        String hint = regionHint == null || regionHint.isBlank() ? "ZZ" : regionHint.strip();
        try {
            PhoneNumber parsed = util.parse(number, hint);
            return util.isValidNumber(parsed) ? Optional.of(parsed) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private List<ZoneId> zones(PhoneNumber number) {
        String country = util.getRegionCodeForNumber(number);
        if (country == null || NON_GEOGRAPHIC_ENTITY.equals(country)) {
            return List.of();
        }
        if (util.isNumberGeographical(number)) {
            List<ZoneId> local = areaZones(number);
            return local.isEmpty() ? regions.countryZones(country) : local;
        }
        if (util.getNumberType(number) == PhoneNumberType.MOBILE) {
            return regions.countryZones(country);
        }
        Set<ZoneId> shared = new LinkedHashSet<>();
        for (String member : util.getRegionCodesForCountryCode(number.getCountryCode())) {
            shared.addAll(regions.countryZones(member));
        }
        return List.copyOf(shared);
    }

    private List<ZoneId> areaZones(PhoneNumber number) {
        int length = util.getLengthOfGeographicalAreaCode(number);
        if (length <= 0) {
            return List.of();
        }
        String areaCode = util.getNationalSignificantNumber(number).substring(0, length);
        Set<ZoneId> zones = new LinkedHashSet<>();
        for (Place place : placesByArea.getOrDefault(number.getCountryCode() + "," + areaCode, List.of())) {
            regions.lookup(place.country(), place.region()).ifPresent(match -> zones.addAll(match.zones()));
        }
        return List.copyOf(zones);
    }

    private static final class Shipped {
        static final PhoneZones INSTANCE = parse(RegionZones.standard(), RESOURCE, RegionZonesCsv.lines(RESOURCE));
    }
}
