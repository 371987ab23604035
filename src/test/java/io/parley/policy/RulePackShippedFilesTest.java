package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.domain.Channel;
import io.parley.domain.ContactType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The packs shipped in conf/policies load, and carry the numbers their rules set. */
class RulePackShippedFilesTest {
    private static final Path DIR = Path.of("conf/policies");
    private static final RulePackCatalog CATALOG = RulePackCatalog.loadDirectory(DIR);

    static Stream<Path> files() throws IOException {
        try (Stream<Path> listing = Files.list(DIR)) {
            return listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyFileLoadsOnItsOwn(Path file) {
        RulePack pack = new RulePackParser().parse(file);
        assertEquals(file.getFileName().toString().replace(".yaml", ""), pack.id());
        assertFalse(pack.description().isBlank());
    }

    @Test
    void theCatalogHoldsEveryPackWithDefaultAsFallback() {
        assertEquals(List.of("cn", "default", "uk-fca", "us-ma", "us-regf", "us-wa"),
                CATALOG.all().stream().map(RulePack::id).toList());
        assertEquals("default", CATALOG.fallback().id());
    }

    @ParameterizedTest(name = "{0} applies to countries {1} regions {2}")
    @CsvSource(delimiter = '|', value = {
            "us-regf | US | ''",
            "us-ma   | '' | US-MA",
            "us-wa   | '' | US-WA",
            "cn      | CN | ''",
            "uk-fca  | GB | ''",
            "default | '' | ''"})
    void appliesWhereItsRulesDo(String id, String country, String region) {
        Applicability appliesTo = pack(id).appliesTo();
        assertEquals(country.isEmpty() ? Set.of() : Set.of(country), appliesTo.countries());
        assertEquals(region.isEmpty() ? Set.of() : Set.of(region), appliesTo.regions());
    }

    @ParameterizedTest(name = "{0} {1}: {2}-{3}, no contact on [{4}], lockout {5}")
    @CsvSource(delimiter = '|', value = {
            "us-regf | voice  | 08:00 | 21:00 | ''     | P7D",
            "us-regf | sms    | 08:00 | 21:00 | ''     | PT0S",
            "us-regf | email  | 08:00 | 21:00 | ''     | PT0S",
            "us-regf | wechat | 08:00 | 21:00 | ''     | PT0S",
            "us-ma   | voice  | 08:00 | 21:00 | ''     | PT0S",
            "us-ma   | sms    | 08:00 | 21:00 | ''     | PT0S",
            "us-wa   | voice  | 07:30 | 21:00 | ''     | PT0S",
            "cn      | voice  | 08:00 | 22:00 | ''     | PT0S",
            "cn      | sms    | 08:00 | 22:00 | ''     | PT0S",
            "cn      | email  | 08:00 | 22:00 | ''     | PT0S",
            "cn      | wechat | 08:00 | 22:00 | ''     | PT0S",
            "uk-fca  | voice  | 08:00 | 21:00 | SUNDAY | PT0S",
            "uk-fca  | sms    | 08:00 | 21:00 | SUNDAY | PT0S",
            "uk-fca  | email  | 08:00 | 21:00 | SUNDAY | PT0S",
            "uk-fca  | wechat | 08:00 | 21:00 | SUNDAY | PT0S",
            "default | voice  | 09:00 | 20:00 | SUNDAY | PT0S",
            "default | sms    | 09:00 | 20:00 | SUNDAY | PT0S",
            "default | email  | 09:00 | 20:00 | SUNDAY | PT0S",
            "default | wechat | 09:00 | 20:00 | SUNDAY | PT0S"})
    void channelHoursDaysAndLockout(String id, String channel, LocalTime from, LocalTime until, String noContact,
                                    Duration lockout) {
        ChannelRules rules = pack(id).rulesFor(Channel.parse(channel)).orElseThrow();
        assertEquals(from, rules.from());
        assertEquals(until, rules.until());
        assertEquals(noContact.isEmpty() ? Set.of() : Set.of(DayOfWeek.valueOf(noContact)), rules.noContactDays());
        assertEquals(lockout, rules.lockoutAfterConversation());
    }

    @ParameterizedTest(name = "{0} restricts exactly {1}")
    @CsvSource(delimiter = '|', value = {
            "us-regf | VOICE SMS EMAIL WECHAT VISIT",
            "us-ma   | VOICE SMS",
            "us-wa   | VOICE",
            "cn      | VOICE SMS EMAIL WECHAT VISIT",
            "uk-fca  | VOICE SMS EMAIL WECHAT",
            "default | VOICE SMS EMAIL WECHAT"})
    void restrictsTheseChannels(String id, String channels) {
        assertEquals(Stream.of(channels.split(" ")).map(Channel::parse).collect(java.util.stream.Collectors.toSet()),
                pack(id).channels().keySet());
    }

    static Stream<Arguments> caps() {
        Set<ContactKind> calls = Set.of(ContactKind.CALL_PLACED);
        return Stream.of(
                cap("us-regf", "us-regf/voice/7-in-7", 7, "P7D", CapScope.DEBT, calls, Set.of(), Set.of()),
                cap("us-regf", "us-regf/sms/3-in-7", 3, "P7D", CapScope.DEBT, Set.of(ContactKind.SMS), Set.of(),
                        Set.of()),
                cap("us-regf", "us-regf/email/5-in-7", 5, "P7D", CapScope.DEBT, Set.of(ContactKind.EMAIL), Set.of(),
                        Set.of()),
                cap("us-regf", "us-regf/wechat/3-in-7", 3, "P7D", CapScope.DEBT, Set.of(ContactKind.WECHAT),
                        Set.of(), Set.of()),
                cap("us-regf", "us-regf/visit/1-in-7", 1, "P7D", CapScope.DEBT, Set.of(ContactKind.VISIT), Set.of(),
                        Set.of()),
                cap("cn", "cn/visit/2-in-7", 2, "P7D", CapScope.DEBT, Set.of(ContactKind.VISIT), Set.of(), Set.of()),
                cap("us-regf", "us-regf/all/contacts-per-week", 15, "P7D", CapScope.PERSON,
                        Set.of(ContactKind.CALL_PLACED, ContactKind.SMS, ContactKind.EMAIL, ContactKind.WECHAT),
                        Set.of(Channel.VOICE, Channel.SMS, Channel.EMAIL, Channel.WECHAT), Set.of()),
                cap("us-ma", "us-ma/voice/2-in-7", 2, "P7D", CapScope.PERSON, calls, Set.of(), Set.of()),
                cap("us-ma", "us-ma/all/work-2-in-30", 2, "P30D", CapScope.PERSON,
                        Set.of(ContactKind.CALL_PLACED, ContactKind.SMS), Set.of(Channel.VOICE, Channel.SMS),
                        Set.of(ContactType.WORK)),
                cap("us-ma", "us-ma/all/calls-and-texts-2-in-7", 2, "P7D", CapScope.PERSON,
                        Set.of(ContactKind.CALL_PLACED, ContactKind.SMS), Set.of(Channel.VOICE, Channel.SMS),
                        Set.of()),
                cap("us-wa", "us-wa/voice/3-in-7", 3, "P7D", CapScope.PERSON, calls, Set.of(), Set.of()),
                cap("us-wa", "us-wa/voice/work-1-in-7", 1, "P7D", CapScope.PERSON, calls, Set.of(),
                        Set.of(ContactType.WORK)),
                cap("cn", "cn/voice/unanswered-6-per-day", 6, "P1D", CapScope.CONTACT_POINT,
                        Set.of(ContactKind.CALL_UNANSWERED), Set.of(), Set.of()),
                cap("uk-fca", "uk-fca/voice/3-per-day", 3, "P1D", CapScope.PERSON, calls, Set.of(), Set.of()),
                cap("uk-fca", "uk-fca/sms/2-per-day", 2, "P1D", CapScope.PERSON, Set.of(ContactKind.SMS), Set.of(),
                        Set.of()),
                cap("default", "default/voice/3-in-7", 3, "P7D", CapScope.PERSON, calls, Set.of(), Set.of()),
                cap("default", "default/sms/3-in-7", 3, "P7D", CapScope.PERSON, Set.of(ContactKind.SMS), Set.of(),
                        Set.of()),
                cap("default", "default/email/5-in-7", 5, "P7D", CapScope.PERSON, Set.of(ContactKind.EMAIL),
                        Set.of(), Set.of()),
                cap("default", "default/wechat/3-in-7", 3, "P7D", CapScope.PERSON, Set.of(ContactKind.WECHAT),
                        Set.of(), Set.of()));
    }

    static Arguments cap(String pack, String id, int max, String window, CapScope scope, Set<ContactKind> counts,
                         Set<Channel> channels, Set<ContactType> toTypes) {
        return Arguments.of(pack, id, new Cap(id, max, Duration.parse(window), scope, counts, channels, toTypes));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("caps")
    void capsCarryTheirRulesNumbers(String pack, String id, Cap expected) {
        assertEquals(expected, RulePackParserTest.allCaps(pack(pack)).get(id));
    }

    @Test
    void shipsNoOtherCaps() {
        List<String> expected = caps().map(a -> (String) a.get()[1]).sorted().toList();
        assertEquals(expected, CATALOG.all().stream().flatMap(p -> RulePackParserTest.capIds(p).stream())
                .sorted().toList());
    }

    @ParameterizedTest(name = "{0}: {1} failures before a third party")
    @CsvSource({"us-regf, 3", "us-ma, 0", "us-wa, 0", "cn, 3", "uk-fca, 3", "default, 3"})
    void thirdPartyThreshold(String id, int failures) {
        assertEquals(failures, pack(id).thirdPartyAfterFailures());
    }

    @Test
    void everyCapIdNamesItsPackAndChannel() {
        for (RulePack pack : CATALOG.all()) {
            pack.channels().forEach((channel, rules) -> rules.caps().forEach(cap ->
                    assertTrue(cap.id().startsWith(pack.id() + "/" + channel.wire() + "/"), cap.id())));
            pack.caps().forEach(cap -> assertTrue(cap.id().startsWith(pack.id() + "/all/"), cap.id()));
        }
    }

    private static RulePack pack(String id) {
        return CATALOG.find(id).orElseThrow();
    }
}
