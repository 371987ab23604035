package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parley.domain.Address;
import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.ContactType;
import io.parley.domain.Debtor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compliance policy built exactly as the service builds it, over the packs shipped in conf/policies, and the
 * debtors the ShippedPacks* tests decide for. The tests here pin what those tests rely on: which packs are in force
 * for each debtor and which zones their contact times are read in.
 */
class ShippedPacksTest {
    static final ZoneId DEFAULT_ZONE = ZoneId.of("America/New_York");
    static final RulePackCatalog CATALOG = RulePackCatalog.loadDirectory(Path.of("conf/policies"));
    static final DebtorZones ZONES = new DebtorZones(DEFAULT_ZONE);
    static final ContactPolicy POLICY = new ContactPolicy(CATALOG, ZONES, Duration.ofDays(60));

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static final String NY_MOBILE = "+12125550123";
    static final String NY_EMAIL = "maria.lopez@example.com";
    static final String NY_WORK_EMAIL = "maria.lopez@hudson-logistics.example";
    static final String WA_MOBILE = "+12065550123";
    static final String WA_WORK = "+12065550188";
    static final String MA_MOBILE = "+16175550123";
    static final String MA_WORK = "+16175550188";
    static final String CN_MOBILE = "+8613800138000";
    static final String CN_SECOND = "+8613900139000";
    static final String CN_WECHAT = "wxid_liwei1988";
    static final String GB_MOBILE = "+447400123456";
    static final String GB_EMAIL = "oliver.smith@example.co.uk";
    static final String FR_EMAIL = "claire.martin@example.fr";
    static final String FR_WORK_EMAIL = "c.martin@atelier-lyonnais.example";
    static final String CA_EMAIL = "daniel.kim@example.com";

    /** New York, NY: a 212 mobile, a personal and a work email. */
    static final Debtor NY = new Debtor("debtor-ny", "Maria Lopez", "en", null,
            new Address("US", "NY", "New York", "10001", List.of("350 Fifth Avenue", "Apt 12B")),
            points(phone(NY_MOBILE, ContactType.MOBILE), email(NY_EMAIL, ContactType.PERSONAL, false),
                    email(NY_WORK_EMAIL, ContactType.WORK, false)));
    /** Seattle, WA: a 206 mobile and a 206 work phone. */
    static final Debtor WA = new Debtor("debtor-wa", "James Carter", "en", null,
            new Address("US", "WA", "Seattle", "98101", List.of("1420 Fifth Avenue", "Unit 803")),
            points(phone(WA_MOBILE, ContactType.MOBILE), phone(WA_WORK, ContactType.WORK)));
    /** Boston, MA: a 617 mobile and a 617 work phone. */
    static final Debtor MA = new Debtor("debtor-ma", "Patrick Sullivan", "en", null,
            new Address("US", "MA", "Boston", "02108", List.of("24 Beacon Street")),
            points(phone(MA_MOBILE, ContactType.MOBILE), phone(MA_WORK, ContactType.WORK)));
    /** Shanghai: two mobiles and a WeChat id. */
    static final Debtor CN = new Debtor("debtor-cn", "Li Wei", "zh-CN", null,
            new Address("CN", "SH", "Shanghai", "200120", List.of("Century Avenue 100", "Pudong New Area")),
            points(phone(CN_MOBILE, ContactType.MOBILE), phone(CN_SECOND, ContactType.MOBILE),
                    List.of(new ContactPoint(Channel.WECHAT, CN_WECHAT, ContactType.PERSONAL, true))));
    /** London: a 7400 mobile and an email. */
    static final Debtor GB = new Debtor("debtor-gb", "Oliver Smith", "en-GB", null,
            new Address("GB", "LND", "London", "SW1A 2AA", List.of("10 Whitehall Place")),
            points(phone(GB_MOBILE, ContactType.MOBILE), email(GB_EMAIL, ContactType.PERSONAL, false)));
    /** Paris, no phone: emails only. */
    static final Debtor FR = new Debtor("debtor-fr", "Claire Martin", "fr-FR", null,
            new Address("FR", "IDF", "Paris", "75011", List.of("12 rue de la Roquette")),
            points(email(FR_EMAIL, ContactType.PERSONAL, false), email(FR_WORK_EMAIL, ContactType.WORK, false)));
    /** Los Angeles, CA, with a New York mobile kept from before the move. */
    static final Debtor CA_NY = new Debtor("debtor-ca", "Daniel Kim", "en", null,
            new Address("US", "CA", "Los Angeles", "90012", List.of("200 North Spring Street")),
            points(phone(NY_MOBILE, ContactType.MOBILE), email(CA_EMAIL, ContactType.PERSONAL, false)));

    /** Each debtor by the key the tables name it with, and the zone its local times are written in. */
    static final Map<String, Debtor> DEBTORS = Map.of("NY", NY, "WA", WA, "MA", MA, "CN", CN, "GB", GB, "FR", FR,
            "CA+NY", CA_NY);
    static final Map<String, ZoneId> LOCAL = Map.of("NY", NEW_YORK, "WA", LOS_ANGELES, "MA", NEW_YORK,
            "CN", SHANGHAI, "GB", LONDON, "FR", PARIS, "CA+NY", NEW_YORK);

    @ParameterizedTest(name = "{0}: packs {1}")
    @CsvSource(delimiter = '|', value = {
            "NY    | us-regf",
            "WA    | us-regf us-wa",
            "MA    | us-ma us-regf",
            "CN    | cn",
            "GB    | uk-fca",
            "FR    | default",
            "CA+NY | us-regf"})
    void eachDebtorIsUnderThesePacks(String key, String packs) {
        assertEquals(List.of(packs.split(" ")), CATALOG.explain(DEBTORS.get(key), List.of()).ids());
    }

    @ParameterizedTest(name = "{0}: zones {1}")
    @CsvSource(delimiter = '|', value = {
            "NY    | America/New_York <- address US-NY",
            "WA    | America/Los_Angeles <- address US-WA",
            "MA    | America/New_York <- address US-MA",
            "CN    | Asia/Shanghai <- address CN",
            "GB    | Europe/London <- address GB",
            "FR    | Europe/Paris <- address FR",
            "CA+NY | America/Los_Angeles <- address US-CA, America/New_York <- phone +1212555****"})
    void eachDebtorIsInTheseZones(String key, String zones) {
        assertEquals(List.of(zones.split(", ")), ZONES.candidates(DEBTORS.get(key)).stream()
                .map(zone -> zone.zone().getId() + " <- " + zone.source()).toList());
    }

    // ---------------------------------------------------------------------------------------------------------
    // shared by the ShippedPacks* tests

    /**
     * A wall-clock time in a zone: "2026-01-15T08:00" (must be unambiguous there), or with its offset
     * "2026-11-01T01:30-05:00" (which must be the zone's offset at that instant).
     */
    static Instant at(ZoneId zone, String text) {
        String value = text.strip();
        if (value.matches(".*([+-]\\d\\d:\\d\\d|Z)$")) {
            OffsetDateTime written = OffsetDateTime.parse(value);
            Instant instant = written.toInstant();
            ZoneOffset actual = zone.getRules().getOffset(instant);
            if (!actual.equals(written.getOffset())) {
                throw new IllegalArgumentException(value + " is not a wall-clock time in " + zone + " (offset there "
                        + actual + ")");
            }
            return instant;
        }
        LocalDateTime local = LocalDateTime.parse(value);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() != 1) {
            throw new IllegalArgumentException(value + " is skipped or repeated in " + zone + ": give its offset");
        }
        return local.toInstant(offsets.get(0));
    }

    /** Decides, and checks the outcome, the rule and, for a deferral, its exact instant and that it is exact. */
    static Decision assertDecides(ContactRequest request, Instant now, String outcome, Instant until, String rule) {
        Decision decision = POLICY.decide(request, now);
        String why = decision.outcome() + " by " + decision.rule() + ": " + decision.reasons();
        assertEquals(outcome, decision.outcome(), why);
        assertEquals(rule, decision.rule(), why);
        if (decision instanceof Decision.Defer defer) {
            assertEquals(until, defer.until(), why);
            assertEquals(until.toString(), defer.facts().get("until"), why);
            // allowed at until, and deferred to that same instant from now up to a nanosecond before it
            DecisionAssertions.assertExact(POLICY, request, now, defer);
        } else {
            assertNull(until, "expected a deferral to " + until + ", got " + why);
        }
        DecisionAssertions.assertJsonSafe(decision.facts(), "facts");
        return decision;
    }

    static Attempt attempt(Debtor debtor, Channel channel, String address) {
        return new Attempt(debtor, channel, address);
    }

    static final Set<ContactKind> UNANSWERED = EnumSet.of(ContactKind.CALL_PLACED, ContactKind.CALL_UNANSWERED);
    static final Set<ContactKind> CONNECTED = EnumSet.of(ContactKind.CALL_PLACED, ContactKind.CALL_CONNECTED);

    static PastContact unansweredCall(String caseId, String number, ContactType type, Instant at) {
        return new PastContact(caseId, Channel.VOICE, number, type, at, UNANSWERED);
    }

    static PastContact conversation(String caseId, String number, ContactType type, Instant at) {
        return new PastContact(caseId, Channel.VOICE, number, type, at, CONNECTED);
    }

    static PastContact answeredCall(String caseId, String number, ContactType type, Instant at) {
        return conversation(caseId, number, type, at);
    }

    static PastContact sms(String caseId, String number, ContactType type, Instant at) {
        return new PastContact(caseId, Channel.SMS, number, type, at, Set.of(ContactKind.SMS));
    }

    static PastContact email(String caseId, String address, ContactType type, Instant at) {
        return new PastContact(caseId, Channel.EMAIL, address, type, at, Set.of(ContactKind.EMAIL));
    }

    /** An attempt being built: case-1, no history, no preferences, an ordinary message, the borrower reachable. */
    static final class Attempt {
        private final Debtor debtor;
        private final Channel channel;
        private ContactPoint point;
        private String caseId = "case-1";
        private final List<PastContact> history = new ArrayList<>();
        private ContactPreferences preferences = ContactPreferences.none();

        private Attempt(Debtor debtor, Channel channel, String address) {
            this.debtor = debtor;
            this.channel = channel;
            this.point = debtor.contactPoints().stream()
                    .filter(p -> p.channel() == channel && p.address().equals(address)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(debtor.id() + " has no " + channel.wire()
                            + " point " + address));
        }

        Attempt about(String value) {
            caseId = value;
            return this;
        }

        /** The same point, with the debtor's consent recorded (or not). */
        Attempt consent(boolean value) {
            point = new ContactPoint(point.channel(), point.address(), point.type(), value);
            return this;
        }

        Attempt after(PastContact... contacts) {
            history.addAll(Arrays.asList(contacts));
            return this;
        }

        Attempt after(List<PastContact> contacts) {
            history.addAll(contacts);
            return this;
        }

        Attempt preferences(ContactPreferences value) {
            preferences = value;
            return this;
        }

        ContactRequest request() {
            return new ContactRequest(caseId, debtor, channel, point, TemplateTraits.ordinary(), List.of(),
                    new ContactHistory(history), preferences, ContactRequest.BorrowerReach.reachable());
        }
    }

    private static List<ContactPoint> phone(String number, ContactType type) {
        return List.of(new ContactPoint(Channel.VOICE, number, type, false),
                new ContactPoint(Channel.SMS, number, type, false));
    }

    private static List<ContactPoint> email(String address, ContactType type, boolean consent) {
        return List.of(new ContactPoint(Channel.EMAIL, address, type, consent));
    }

    @SafeVarargs
    private static List<ContactPoint> points(List<ContactPoint>... groups) {
        return Arrays.stream(groups).flatMap(List::stream).toList();
    }
}
