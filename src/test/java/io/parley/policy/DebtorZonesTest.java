package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.domain.Address;
import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.ContactType;
import io.parley.domain.Debtor;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The union of explicit, address and phone zones, each zone once with the first source naming it, in that order;
 * the default only when nothing else places the debtor.
 */
class DebtorZonesTest {
    private static final ZoneId DEFAULT = ZoneId.of("America/New_York");
    private static final DebtorZones ZONES = new DebtorZones(DEFAULT);

    /** A debtor built from the parts a case names; a null part is absent. */
    private static Debtor debtor(String explicit, String country, String region, ContactPoint... points) {
        Address address = country == null ? null : new Address(country, region, null, null, List.of());
        return new Debtor("d-1", "Debtor", "en", explicit == null ? null : ZoneId.of(explicit), address,
                Arrays.asList(points));
    }

    private static ContactPoint mobile(String number) {
        return new ContactPoint(Channel.SMS, number, ContactType.MOBILE, true);
    }

    private static ContactPoint point(Channel channel, ContactType type, String number) {
        return new ContactPoint(channel, number, type, true);
    }

    /** Expected candidates as "zone <- source". */
    private static List<String> render(List<CandidateZone> candidates) {
        List<String> out = new ArrayList<>();
        candidates.forEach(c -> out.add(c.zone().getId() + " <- " + c.source()));
        return out;
    }

    static Stream<Arguments> debtors() {
        return Stream.of(
                Arguments.of("explicit only", debtor("Europe/Madrid", null, null),
                        List.of("Europe/Madrid <- explicit")),
                Arguments.of("CA address", debtor(null, "US", "CA"),
                        List.of("America/Los_Angeles <- address US-CA")),
                Arguments.of("CA address + New York mobile", debtor(null, "US", "CA", mobile("+12125550123")),
                        List.of("America/Los_Angeles <- address US-CA", "America/New_York <- phone +1212555****")),
                Arguments.of("Indiana spans two zones", debtor(null, "US", "IN"),
                        List.of("America/Indiana/Indianapolis <- address US-IN",
                                "America/Chicago <- address US-IN")),
                Arguments.of("Tennessee spans two zones", debtor(null, "US", "TN"),
                        List.of("America/Chicago <- address US-TN", "America/New_York <- address US-TN")),
                Arguments.of("Arizona: Phoenix, and Denver for the Navajo Nation", debtor(null, "US", "AZ"),
                        List.of("America/Phoenix <- address US-AZ", "America/Denver <- address US-AZ")),
                Arguments.of("NSW includes Lord Howe and Broken Hill", debtor(null, "AU", "NSW"),
                        List.of("Australia/Sydney <- address AU-NSW", "Australia/Lord_Howe <- address AU-NSW",
                                "Australia/Broken_Hill <- address AU-NSW")),
                Arguments.of("CN address + CN mobile: Shanghai once, from the address",
                        debtor(null, "CN", null, mobile("+8613800138000")),
                        List.of("Asia/Shanghai <- address CN")),
                Arguments.of("CN mobile written nationally, read with the address country",
                        debtor(null, "CN", null, mobile("13800138000")),
                        List.of("Asia/Shanghai <- address CN")),
                Arguments.of("FR address, no phone", debtor(null, "FR", null),
                        List.of("Europe/Paris <- address FR")),
                Arguments.of("unknown country, no phone: default", debtor(null, "XX", "YY"),
                        List.of("America/New_York <- default")),
                Arguments.of("nothing known: default", debtor(null, null, null),
                        List.of("America/New_York <- default")),
                Arguments.of("unknown country, phone places the debtor", debtor(null, "XX", null,
                        mobile("+33612345678")), List.of("Europe/Paris <- phone +3361234****")),
                Arguments.of("third-party phones ignored", debtor(null, "US", "CA",
                                point(Channel.VOICE, ContactType.FAMILY, "+12125550123"),
                                point(Channel.SMS, ContactType.EMPLOYER, "+13125550123"),
                                point(Channel.VOICE, ContactType.REFERENCE, "+12065550123")),
                        List.of("America/Los_Angeles <- address US-CA")),
                Arguments.of("only a third-party phone: default", debtor(null, null, null,
                        point(Channel.VOICE, ContactType.FAMILY, "+12125550123")),
                        List.of("America/New_York <- default")),
                Arguments.of("own voice and sms numbers, email and wechat ignored", debtor(null, null, null,
                                point(Channel.VOICE, ContactType.HOME, "+13125550123"),
                                point(Channel.EMAIL, ContactType.PERSONAL, "a@example.com"),
                                point(Channel.WECHAT, ContactType.PERSONAL, "+12125550123"),
                                point(Channel.SMS, ContactType.WORK, "+442079460000")),
                        List.of("America/Chicago <- phone +1312555****",
                                "Europe/London <- phone +4420794*****")),
                Arguments.of("explicit first, then address, then phone; duplicates keep the first source",
                        debtor("America/Chicago", "US", "TN", mobile("+12125550123"), mobile("+13105550123")),
                        List.of("America/Chicago <- explicit", "America/New_York <- address US-TN",
                                "America/Los_Angeles <- phone +1310555****")),
                Arguments.of("unknown region: every zone of the country", debtor(null, "BR", "ZZ"),
                        List.of("America/Noronha <- address BR", "America/Belem <- address BR",
                                "America/Fortaleza <- address BR", "America/Recife <- address BR",
                                "America/Araguaina <- address BR", "America/Maceio <- address BR",
                                "America/Bahia <- address BR", "America/Sao_Paulo <- address BR",
                                "America/Campo_Grande <- address BR", "America/Cuiaba <- address BR",
                                "America/Santarem <- address BR", "America/Porto_Velho <- address BR",
                                "America/Boa_Vista <- address BR", "America/Manaus <- address BR",
                                "America/Eirunepe <- address BR", "America/Rio_Branco <- address BR")),
                Arguments.of("invalid phone number ignored", debtor(null, null, null, mobile("+1555")),
                        List.of("America/New_York <- default")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("debtors")
    void resolvesEveryZoneTheDebtorMayBeIn(String title, Debtor debtor, List<String> expected) {
        assertEquals(expected, render(ZONES.candidates(debtor)));
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of("+12125550123", "+1212555****"),
                Arguments.of("+8613800138000", "+8613800******"),
                Arguments.of("+442079460000", "+4420794*****"));
    }

    /** A decision's facts never carry a full number: the source shows only the first 8 characters. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("numbers")
    void phoneSourcesAreMasked(String number, String masked) {
        List<CandidateZone> candidates = ZONES.candidates(debtor(null, null, null, mobile(number)));

        assertTrue(!candidates.isEmpty(), "the number places the debtor");
        for (CandidateZone candidate : candidates) {
            assertEquals("phone " + masked, candidate.source());
            assertTrue(!candidate.source().contains(number.substring(8)), candidate.source());
        }
    }

    @Test
    void refusesAMissingDefaultZone() {
        assertThrows(NullPointerException.class, () -> new DebtorZones(null));
    }
}
