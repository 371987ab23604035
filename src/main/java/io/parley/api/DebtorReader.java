package io.parley.api;

import io.parley.domain.Address;
import io.parley.domain.AddressFormat;
import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.ContactType;
import io.parley.domain.Debtor;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.parley.api.JsonFields.OPTIONAL;
import static io.parley.api.JsonFields.REQUIRED;

/** Reads the debtor of an enrollment: identity, locale, postal address and contact points. */
final class DebtorReader {
    /** The locales templates exist for, as canonical BCP 47 tags. */
    static final List<String> SUPPORTED_LOCALES = List.of("en", "en-US", "en-GB", "zh", "zh-CN");
    static final int MAX_CONTACT_POINTS = 20;
    static final int MAX_ADDRESS_LINES = 6;

    // read once: ZoneId.getAvailableZoneIds() copies the ~600 ids into a new set at every call
    private static final Set<String> ZONE_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());
    private static final Set<String> DEBTOR_KEYS = Set.of("id", "name", "locale", "timeZone", "address",
            "contactPoints", "preferences");
    private static final Set<String> ADDRESS_KEYS = Set.of("country", "region", "city", "postalCode", "lines");
    private static final Set<String> CONTACT_POINT_KEYS = Set.of("channel", "address", "type", "consent");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String CONTACT_TYPES = Stream.of(ContactType.values()).map(ContactType::wire)
            .collect(Collectors.joining(", "));

    private DebtorReader() {
    }

    /** The debtor, or null when debtor is null or anything in it was recorded as invalid. */
    static Debtor read(JsonFields debtor) {
        if (debtor == null) {
            return null;
        }
        debtor.rejectUnknown(DEBTOR_KEYS);
        String id = debtor.identifier("id", REQUIRED);
        String name = debtor.text("name", REQUIRED, 200);
        String locale = locale(debtor);
        ZoneId zone = zone(debtor);
        JsonFields addressFields = debtor.object("address", REQUIRED);
        Address address = address(addressFields);
        List<ContactPoint> points = contactPoints(debtor, address, addressFields);
        if (debtor.violations().touches(debtor.path())) {
            return null;
        }
        return new Debtor(id, name, locale, zone, address, points);
    }

    private static String locale(JsonFields debtor) {
        String tag = debtor.string("locale", REQUIRED);
        if (tag == null) {
            return null;
        }
        String canonical;
        try {
            canonical = new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            debtor.invalid("locale", "must be a BCP 47 language tag such as en-US");
            return null;
        }
        if (!SUPPORTED_LOCALES.contains(canonical)) {
            debtor.invalid("locale", "'" + tag + "' is not supported (supported: "
                    + String.join(", ", SUPPORTED_LOCALES) + ")");
            return null;
        }
        return canonical;
    }

    private static ZoneId zone(JsonFields debtor) {
        String id = debtor.string("timeZone", OPTIONAL);
        if (id == null) {
            return null;
        }
        if (!ZONE_IDS.contains(id)) {
            debtor.invalid("timeZone", "must be an IANA time-zone id such as Asia/Shanghai");
            return null;
        }
        return ZoneId.of(id);
    }

    private static Address address(JsonFields address) {
        if (address == null) {
            return null;
        }
        address.rejectUnknown(ADDRESS_KEYS);
        String country = address.string("country", REQUIRED);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                address.invalid("country", "must be an ISO 3166-1 alpha-2 country code such as US");
                country = null;
            }
        }
        String region = address.text("region", OPTIONAL, 64);
        String city = address.text("city", OPTIONAL, 128);
        String postalCode = address.text("postalCode", OPTIONAL, 32);
        List<String> lines = address.strings("lines", OPTIONAL, 200);
        if (lines.size() > MAX_ADDRESS_LINES) {
            address.invalid("lines", "must have at most " + MAX_ADDRESS_LINES + " lines");
        }
        return new Address(country, region, city, postalCode, lines);
    }

    private static List<ContactPoint> contactPoints(JsonFields debtor, Address address, JsonFields addressFields) {
        List<JsonFields> elements = debtor.objects("contactPoints", REQUIRED);
        String path = debtor.pathOf("contactPoints");
        if (elements.isEmpty() && debtor.has("contactPoints") && !debtor.violations().touches(path)) {
            debtor.invalid("contactPoints", "must have at least one contact point");
        }
        if (elements.size() > MAX_CONTACT_POINTS) {
            debtor.invalid("contactPoints", "must have at most " + MAX_CONTACT_POINTS + " contact points");
        }
        List<ContactPoint> points = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        boolean letterNeedsLines = false;
        for (JsonFields element : elements) {
            ContactPoint point = contactPoint(element, address);
            if (point == null) {
                continue;
            }
            String first = seen.putIfAbsent(point.channel().wire() + " " + point.address(), element.path());
            if (first != null) {
                element.invalid("address", "duplicates " + first);
                continue;
            }
            letterNeedsLines |= point.channel() == Channel.LETTER && address != null && address.lines().isEmpty();
            points.add(point);
        }
        if (letterNeedsLines && addressFields != null && !debtor.violations().touches(addressFields.pathOf("lines"))) {
            addressFields.invalid("lines", "is required when a letter contact point is given");
        }
        return points;
    }

    private static ContactPoint contactPoint(JsonFields point, Address address) {
        point.rejectUnknown(CONTACT_POINT_KEYS);
        Channel channel = null;
        String wire = point.string("channel", REQUIRED);
        if (wire != null) {
            try {
                channel = Channel.parse(wire);
            } catch (IllegalArgumentException e) {
                point.invalid("channel", "must be one of " + Channel.declared().stream().map(Channel::wire)
                        .collect(Collectors.joining(", ")));
            }
        }
        String raw = channel != null && channel.format() == AddressFormat.POSTAL
                ? point.text("address", OPTIONAL, 200)
                : point.string("address", REQUIRED);
        ContactType type = null;
        String typeWire = point.string("type", OPTIONAL);
        if (typeWire != null) {
            try {
                type = ContactType.parse(typeWire);
            } catch (IllegalArgumentException e) {
                point.invalid("type", "must be one of " + CONTACT_TYPES);
            }
        }
        Boolean consent = point.bool("consent", OPTIONAL);
        if (channel == null) {
            return null;
        }
        String normalised = normalise(point, channel, raw, address);
        if (normalised == null || (typeWire != null && type == null)) {
            return null;
        }
        return new ContactPoint(channel, normalised, type != null ? type : channel.format().defaultType(),
                Boolean.TRUE.equals(consent));
    }

    private static String normalise(JsonFields point, Channel channel, String raw, Address address) {
        if (channel.format() == AddressFormat.POSTAL) {
            return raw != null ? raw : address == null ? null : address.postalLine();
        }
        if (raw == null) {
            return null;
        }
        String country = address == null ? null : address.country();
        if (channel.format() == AddressFormat.PHONE && country == null && !raw.startsWith("+")) {
            return null; // the missing or invalid country is already reported
        }
        try {
            return ContactAddresses.normalise(channel, raw, country);
        } catch (IllegalArgumentException e) {
            point.invalid("address", e.getMessage());
            return null;
        }
    }
}
