package io.parley.policy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.parley.domain.Address;
import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.Debtor;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a debtor may be, as rule packs are matched: the address's country and region ("US", "US-MA"), and the
 * country of each of the debtor's own phone numbers (a number does not reveal a state). Each place is kept with the
 * first thing that revealed it, e.g. "address US-MA" or "phone +447700900123".
 */
record PackLocations(Map<String, String> countries, Map<String, String> regions) {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** What libphonenumber answers for numbers with no single country. */
    private static final String NO_COUNTRY = "ZZ";
    private static final String NON_GEOGRAPHIC = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY;
    /** A debtor's numbers come back at every step; parsing one is costly. */
    private static final Memo<String, Optional<String>> COUNTRIES = new Memo<>(20_000, PackLocations::parseCountry);

    PackLocations {
        countries = Collections.unmodifiableMap(new TreeMap<>(countries));
        regions = Collections.unmodifiableMap(new TreeMap<>(regions));
    }

    static PackLocations of(Debtor debtor) {
        Map<String, String> countries = new TreeMap<>();
        Map<String, String> regions = new TreeMap<>();
        Address address = debtor.address();
        Optional<String> country = address == null ? Optional.empty() : code(address.country());
        country.ifPresent(c -> {
            countries.putIfAbsent(c, "address " + c);
            code(address.region()).map(r -> r.startsWith(c + "-") ? r : c + "-" + r)
                    .ifPresent(r -> regions.putIfAbsent(r, "address " + r));
        });
        for (ContactPoint point : debtor.contactPoints()) {
            if (ownPhone(point)) {
                phoneCountry(point.address()).ifPresent(c -> countries.putIfAbsent(c, "phone " + point.address()));
            }
        }
        return new PackLocations(countries, regions);
    }

    /** A phone number (sms or voice) of the debtor's own: a third party's number says nothing of where they are. */
    private static boolean ownPhone(ContactPoint point) {
        return (point.channel() == Channel.SMS || point.channel() == Channel.VOICE)
                && (point.type() == null || !point.type().thirdParty())
                && point.address() != null;
    }

    private static Optional<String> phoneCountry(String number) {
        return COUNTRIES.get(number);
    }

    private static Optional<String> parseCountry(String number) {
        try {
            PhoneNumber parsed = PHONES.parse(number, NO_COUNTRY);
            return Optional.ofNullable(PHONES.getRegionCodeForNumber(parsed))
                    .filter(region -> !NO_COUNTRY.equals(region) && !NON_GEOGRAPHIC.equals(region));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> code(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty())
                .map(v -> v.toUpperCase(Locale.ROOT));
    }
}
