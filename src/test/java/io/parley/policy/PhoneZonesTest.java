package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The zones of a phone number: from its area code where known, otherwise its country or calling code. */
class PhoneZonesTest {
    private static final PhoneZones PHONES = PhoneZones.standard();
    private static final RegionZones REGIONS = RegionZones.standard();

    private static List<ZoneId> zones(String ids) {
        return Stream.of(ids.split(" ")).map(ZoneId::of).toList();
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = ';', nullValues = "null", value = {
            "+12125550123; null; America/New_York",
            "+1 (212) 555-0123; null; America/New_York",
            "2125550123; US; America/New_York",
            "+13105550123; null; America/Los_Angeles",
            "+13125550123; null; America/Chicago",
            // area codes in states that span zones give every zone of the state
            "+13175550123; null; America/Indiana/Indianapolis America/Chicago",
            "+18505550123; null; America/New_York America/Chicago",
            "+19155550123; null; America/Chicago America/Denver",
            "+19075550123; null; America/Anchorage America/Adak",
            "+16025550123; null; America/Phoenix America/Denver",
            "+14165550123; null; America/Toronto America/Winnipeg America/Atikokan",
            "+19025550123; null; America/Halifax America/Glace_Bay",
            "+17875550123; null; America/Puerto_Rico",
            "+16715550123; null; Pacific/Guam",
            "+8613800138000; null; Asia/Shanghai",
            "+861012345678; null; Asia/Shanghai",
            "+33612345678; null; Europe/Paris",
            "+442079460000; null; Europe/London",
            "+61255501234; null; Australia/Sydney Australia/Lord_Howe Australia/Broken_Hill",
            "+61881234567; null; Australia/Adelaide Australia/Perth Australia/Eucla Australia/Darwin",
            "+5511987654321; null; America/Sao_Paulo",
            "+559232345678; null; America/Manaus America/Eirunepe"})
    void placesTheNumber(String number, String hint, String expected) {
        assertEquals(zones(expected), PHONES.zones(number, hint));
    }

    /**
     * A mobile number that is not geographic, and a geographic one of a country without an area code table, may
     * be anywhere in its country.
     */
    @ParameterizedTest(name = "{0} -> every zone of {1}")
    @CsvSource({"+61412345678, AU", "+79161234567, RU", "+77011234567, KZ", "+525512345678, MX",
            "+523312345678, MX"})
    void aNumberWithoutAPlaceGivesEveryZoneOfItsCountry(String number, String country) {
        assertEquals(REGIONS.countryZones(country), PHONES.zones(number, null));
    }

    /** A toll-free NANP number may be in any NANP country. */
    @Test
    void aTollFreeNumberGivesEveryZoneOfItsCallingCode() {
        List<ZoneId> zones = PHONES.zones("+18005550123", null);

        assertTrue(zones.containsAll(REGIONS.countryZones("US")), zones.toString());
        assertTrue(zones.containsAll(REGIONS.countryZones("CA")), zones.toString());
        assertTrue(zones.contains(ZoneId.of("America/Jamaica")), zones.toString());
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(nullValues = "null", value = {"null", "''", "not a number", "+1555", "+12125", "+80012345678",
            "2125550123"})
    void aNumberThatCannotBePlacedGivesNothing(String number) {
        assertEquals(List.of(), PHONES.zones(number, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "+12125550123, +1212555****",
            "+8613800138000, +8613800******",
            "+2902345, +290****",
            "+12, ***",
            "'', ''",
            "null, ''"})
    void masksAllButTheFirstEightCharacters(String number, String masked) {
        assertEquals(masked == null ? "" : masked, PhoneZones.mask(number));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', value = {
            "1,212,US; t.csv:1: expected 4 fields (calling_code,area_code,country,region), got 3",
            "1,2x2,US,NY; t.csv:1: calling code '1' and area code '2x2' must be 1 to 4 digits",
            "1,212,US,XX; t.csv:1: region US-XX has no zones of its own"})
    void rejectsAMalformedAreaTable(String row, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhoneZones.parse(REGIONS, "t.csv", List.of(row)));

        assertEquals(message, e.getMessage());
    }
}
