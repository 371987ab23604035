package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.domain.Address;
import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.ContactType;
import io.parley.domain.Debtor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which shipped packs are in force for a debtor: asked for, or derived from address and phone numbers. */
class PackSelectionTest {
    private static final RulePackCatalog CATALOG = RulePackCatalog.loadDirectory(Path.of("conf/policies"));

    static Debtor debtor(String country, String region, ContactPoint... points) {
        return new Debtor("d-1", "Alex Morgan", "en", null,
                country == null ? null : new Address(country, region, "City", "00000", List.of("1 Main St")),
                List.of(points));
    }

    static ContactPoint mobile(String number) {
        return new ContactPoint(Channel.SMS, number, ContactType.MOBILE, true);
    }

    static ContactPoint phone(Channel channel, String number, ContactType type) {
        return new ContactPoint(channel, number, type, true);
    }

    static Stream<Arguments> derived() {
        return Stream.of(
                Arguments.of("US-CA address", debtor("US", "CA"), List.of("us-regf")),
                Arguments.of("US-MA address", debtor("US", "MA"), List.of("us-ma", "us-regf")),
                Arguments.of("US-WA address", debtor("US", "WA"), List.of("us-regf", "us-wa")),
                Arguments.of("CN address", debtor("CN", "31"), List.of("cn")),
                Arguments.of("GB address", debtor("GB", null), List.of("uk-fca")),
                Arguments.of("FR address, no phone", debtor("FR", null), List.of("default")),
                Arguments.of("FR address, +86 mobile", debtor("FR", null, mobile("+8613800138000")), List.of("cn")),
                Arguments.of("US-CA address, +44 mobile", debtor("US", "CA", mobile("+447400123456")),
                        List.of("uk-fca", "us-regf")),
                // the region is upper-cased and prefixed with the country; a full subdivision code is kept as it is
                Arguments.of("lower-case region", debtor("US", "ma"), List.of("us-ma", "us-regf")),
                Arguments.of("lower-case country and region", debtor("us", " wa "), List.of("us-regf", "us-wa")),
                Arguments.of("region given as US-MA", debtor("US", "US-MA"), List.of("us-ma", "us-regf")),
                // a phone number reveals a country, never a state
                Arguments.of("FR address, +1 Boston number", debtor("FR", null,
                        phone(Channel.VOICE, "+16175550123", ContactType.HOME)), List.of("us-regf")),
                Arguments.of("phone with spaces", debtor("FR", null, mobile("+44 7400 123456")), List.of("uk-fca")),
                // a third party's number says nothing about where the debtor is
                Arguments.of("FR address, +86 employer", debtor("FR", null,
                        phone(Channel.VOICE, "+8613800138000", ContactType.EMPLOYER)), List.of("default")),
                Arguments.of("FR address, +86 family", debtor("FR", null,
                        phone(Channel.SMS, "+8613800138000", ContactType.FAMILY)), List.of("default")),
                // only phone channels are looked at; an unparseable number is ignored
                Arguments.of("email is not a phone", debtor("FR", null,
                        new ContactPoint(Channel.EMAIL, "a@example.cn", ContactType.PERSONAL, true)), List.of("default")),
                Arguments.of("not a number", debtor("FR", null, mobile("call me")), List.of("default")),
                Arguments.of("no address, +86 mobile", debtor(null, null, mobile("+8613800138000")), List.of("cn")),
                Arguments.of("no address, no phone", debtor(null, null), List.of("default")),
                Arguments.of("US-MA address, +86 mobile", debtor("US", "MA", mobile("+8613800138000")),
                        List.of("cn", "us-ma", "us-regf")));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("derived")
    void derivesFromAddressAndPhones(String title, Debtor debtor, List<String> expected) {
        assertEquals(expected, ids(CATALOG.select(debtor, List.of())));
        assertEquals(expected, CATALOG.explain(debtor, List.of()).ids());
    }

    static Stream<Arguments> requested() {
        return Stream.of(
                Arguments.of(List.of("cn"), debtor("US", "MA"), List.of("cn")),
                Arguments.of(List.of("us-regf", "us-ma"), debtor("FR", null), List.of("us-ma", "us-regf")),
                Arguments.of(List.of("default", "default"), debtor("GB", null), List.of("default")));
    }

    @ParameterizedTest(name = "requested {0} -> {2}")
    @MethodSource("requested")
    void takesExactlyTheRequestedPacks(List<String> requested, Debtor debtor, List<String> expected) {
        assertEquals(expected, ids(CATALOG.select(debtor, requested)));
    }

    @Test
    void refusesAnUnknownRequestedPack() {
        List<String> requested = new ArrayList<>(List.of("cn", "us-ny"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CATALOG.select(debtor("US", "NY"), requested));
        assertTrue(e.getMessage().contains("'us-ny'"), e.getMessage());
    }

    static Stream<Arguments> reasons() {
        return Stream.of(
                Arguments.of(debtor("US", "ma"), List.of(), List.of("us-ma: address US-MA", "us-regf: address US")),
                Arguments.of(debtor("FR", null, mobile("+447400123456")), List.of(),
                        List.of("uk-fca: phone +447400123456")),
                Arguments.of(debtor("FR", null), List.of(), List.of("default: no pack applies to address FR")),
                Arguments.of(debtor(null, null), List.of(), List.of("default: no pack applies to no known country")),
                Arguments.of(debtor("FR", null), List.of("cn"), List.of("cn: requested")));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("reasons")
    void saysWhyEachPackApplies(Debtor debtor, List<String> requested, List<String> expected) {
        assertEquals(expected, CATALOG.explain(debtor, requested).reasons());
    }

    private static List<String> ids(List<RulePack> packs) {
        return packs.stream().map(RulePack::id).toList();
    }
}
