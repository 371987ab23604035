package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The zones of an address, from the shipped country/region table. */
class RegionZonesTest {
    private static final RegionZones ZONES = RegionZones.standard();

    private static List<ZoneId> zones(String ids) {
        return Stream.of(ids.split(" ")).map(ZoneId::of).toList();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}: {3}")
    @CsvSource(delimiter = ';', nullValues = "null", value = {
            "US; CA; US-CA; America/Los_Angeles",
            "US; IN; US-IN; America/Indiana/Indianapolis America/Chicago",
            "US; TN; US-TN; America/Chicago America/New_York",
            "US; KY; US-KY; America/New_York America/Chicago",
            "US; FL; US-FL; America/New_York America/Chicago",
            "US; MI; US-MI; America/Detroit America/Menominee",
            "US; ND; US-ND; America/Chicago America/Denver",
            "US; SD; US-SD; America/Chicago America/Denver",
            "US; NE; US-NE; America/Chicago America/Denver",
            "US; KS; US-KS; America/Chicago America/Denver",
            "US; TX; US-TX; America/Chicago America/Denver",
            "US; ID; US-ID; America/Boise America/Los_Angeles",
            "US; OR; US-OR; America/Los_Angeles America/Boise",
            "US; AK; US-AK; America/Anchorage America/Adak",
            "US; AZ; US-AZ; America/Phoenix America/Denver",
            "US; HI; US-HI; Pacific/Honolulu",
            "US; DC; US-DC; America/New_York",
            "US; PR; US-PR; America/Puerto_Rico",
            "US; GU; US-GU; Pacific/Guam",
            "US; VI; US-VI; America/St_Thomas",
            "US; AS; US-AS; Pacific/Pago_Pago",
            "US; MP; US-MP; Pacific/Saipan",
            "CA; ON; CA-ON; America/Toronto America/Winnipeg America/Atikokan",
            "CA; NL; CA-NL; America/St_Johns America/Goose_Bay",
            "AU; NSW; AU-NSW; Australia/Sydney Australia/Lord_Howe Australia/Broken_Hill",
            "AU; WA; AU-WA; Australia/Perth Australia/Eucla",
            "MX; CMX; MX-CMX; America/Mexico_City",
            "MX; ROO; MX-ROO; America/Cancun",
            "BR; SP; BR-SP; America/Sao_Paulo",
            "BR; AM; BR-AM; America/Manaus America/Eirunepe",
            "CN; null; CN; Asia/Shanghai",
            "CN; BJ; CN; Asia/Shanghai",
            "GB; null; GB; Europe/London",
            "FR; null; FR; Europe/Paris",
            "IN; null; IN; Asia/Kolkata",
            "JP; null; JP; Asia/Tokyo",
            "SG; null; SG; Asia/Singapore",
            "HK; null; HK; Asia/Hong_Kong",
            "PH; null; PH; Asia/Manila",
            "PR; null; PR; America/Puerto_Rico",
            "ES; null; ES; Europe/Madrid Africa/Ceuta Atlantic/Canary",
            // case, blanks and the ISO 3166-2 prefix are accepted
            "us; ca; US-CA; America/Los_Angeles",
            "' US '; ' US-CA '; US-CA; America/Los_Angeles",
            "au; nsw; AU-NSW; Australia/Sydney Australia/Lord_Howe Australia/Broken_Hill"})
    void knownAddresses(String country, String region, String key, String expected) {
        RegionZones.Match match = ZONES.lookup(country, region).orElseThrow();

        assertEquals(key, match.key());
        assertEquals(zones(expected), match.zones());
    }

    /** No region, or one the table does not know: every zone of the country. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "null", value = {"US, null", "US, ZZ", "US, ''", "CA, null", "AU, XYZ", "MX, null",
            "BR, null", "RU, null", "RU, MOW"})
    void unknownRegionsGiveEveryZoneOfTheCountry(String country, String region) {
        RegionZones.Match match = ZONES.lookup(country, region).orElseThrow();

        assertEquals(country, match.key());
        assertEquals(ZONES.countryZones(country), match.zones());
        assertTrue(match.zones().size() > 1, match.zones().toString());
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(nullValues = "null", value = {"null", "''", "XX", "ZZ"})
    void unknownCountriesGiveNothing(String country) {
        assertEquals(Optional.empty(), ZONES.lookup(country, "CA"));
        assertEquals(List.of(), ZONES.countryZones(country));
    }

    static Stream<Arguments> subdivisions() {
        return Stream.of(
                Arguments.of("US", List.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI",
                        "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT",
                        "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
                        "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP")),
                Arguments.of("CA", List.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK",
                        "YT")),
                Arguments.of("AU", List.of("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA")),
                Arguments.of("MX", List.of("AGU", "BCN", "BCS", "CAM", "CHP", "CHH", "CMX", "COA", "COL", "DUR",
                        "GUA", "GRO", "HID", "JAL", "MEX", "MIC", "MOR", "NAY", "NLE", "OAX", "PUE", "QUE", "ROO",
                        "SLP", "SIN", "SON", "TAB", "TAM", "TLA", "VER", "YUC", "ZAC")),
                Arguments.of("BR", List.of("AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS",
                        "MG", "PA", "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO")));
    }

    /** Every state, province or territory of the countries done by region has zones of its own. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("subdivisions")
    void everySubdivisionIsListed(String country, List<String> regions) {
        for (String region : regions) {
            assertTrue(ZONES.knowsRegion(country, region), country + "-" + region);
        }
    }

    /** Every zone id of the shipped file is a valid java.time ZoneId, and no row is repeated. */
    @Test
    void everyZoneInTheDataFileIsValid() {
        List<String> bad = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int rows = 0;
        for (String line : RegionZonesCsv.lines(RegionZones.RESOURCE)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rows++;
            String[] fields = line.split(",", -1);
            assertEquals(3, fields.length, line);
            assertTrue(seen.add(line), "repeated row " + line);
            try {
                ZoneId.of(fields[2]);
            } catch (DateTimeException e) {
                bad.add(line);
            }
        }
        assertEquals(List.of(), bad);
        assertTrue(rows > 400, "rows: " + rows);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', value = {
            "US,CA; t.csv:2: expected 3 fields (country,region,zone), got 2",
            "US,CA,America/Nowhere; t.csv:2: 'America/Nowhere' is not a time zone id",
            "usa,,America/New_York; t.csv:2: country 'usa' is not an upper-case ISO 3166-1 alpha-2 code",
            "US,ca,America/Los_Angeles; t.csv:2: region 'ca' is not an upper-case ISO 3166-2 subdivision code",
            "CA,ON,America/Toronto; t.csv: region CA-ON has no country rows for CA"})
    void rejectsAMalformedTable(String row, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegionZones.parse("t.csv", List.of("# comment", row, "US,,America/New_York")));

        if (!e.getMessage().startsWith(message)) {
            fail("message: " + e.getMessage());
        }
    }
}
