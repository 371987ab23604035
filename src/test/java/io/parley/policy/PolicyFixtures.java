package io.parley.policy;

import io.parley.domain.Address;
import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.ContactType;
import io.parley.domain.Debtor;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rule packs shaped like the real ones, a debtor, and requests to decide, for the policy tests. */
final class PolicyFixtures {
    static final Duration HORIZON = Duration.ofDays(30);
    static final Set<ContactKind> PLACED = EnumSet.of(ContactKind.CALL_PLACED);
    static final String MOBILE = "+12125550101";
    static final String WORK = "+12125550102";
    static final Debtor DEBTOR = new Debtor("debtor-1", "Ana Example", "en", null,
            new Address("US", "NY", "New York", "10001", List.of("1 Main St")), List.of());

    static final RulePack US_REGF = new RulePack("us-regf", "US federal Regulation F", applies("US"), Map.of(
            Channel.VOICE, new ChannelRules(LocalTime.of(8, 0), LocalTime.of(21, 0), Set.of(),
                    List.of(cap("us-regf/voice/7-in-7", 7, Duration.ofDays(7), CapScope.DEBT, PLACED)),
                    Duration.ofDays(7)),
            Channel.SMS, hours(8, 0, 21, 0),
            Channel.EMAIL, hours(8, 0, 21, 0)), List.of(), 3);
    static final RulePack US_WA = new RulePack("us-wa", "Washington", region("US-WA"), Map.of(
            Channel.VOICE, new ChannelRules(LocalTime.of(7, 30), LocalTime.of(21, 0), Set.of(),
                    List.of(new Cap("us-wa/voice/work-weekly", 1, Duration.ofDays(7), CapScope.PERSON, PLACED,
                            Set.of(), Set.of(ContactType.WORK))), Duration.ZERO)), List.of(), 0);
    static final RulePack US_MA = new RulePack("us-ma", "Massachusetts", region("US-MA"), Map.of(
            Channel.VOICE, new ChannelRules(LocalTime.of(8, 0), LocalTime.of(21, 0), Set.of(),
                    List.of(cap("us-ma/voice/2-in-7", 2, Duration.ofDays(7), CapScope.PERSON, PLACED)),
                    Duration.ZERO)), List.of(), 0);
    static final RulePack CN = new RulePack("cn", "China", applies("CN"), Map.of(
            Channel.VOICE, new ChannelRules(LocalTime.of(8, 0), LocalTime.of(22, 0), Set.of(),
                    List.of(cap("cn/voice/unanswered-daily", 6, Duration.ofDays(1), CapScope.CONTACT_POINT,
                            EnumSet.of(ContactKind.CALL_UNANSWERED))), Duration.ZERO)), List.of(), 0);
    /** No restriction of hours, only the lockout: shows the lockout deciding on its own. */
    static final RulePack LOCKOUT_ONLY = new RulePack("lockout-only", "lockout", applies("XX"), Map.of(
            Channel.VOICE, new ChannelRules(LocalTime.MIDNIGHT, LocalTime.MAX, Set.of(), List.of(),
                    Duration.ofDays(7))), List.of(), 0);
    static final RulePack ALL_DAY = new RulePack("all-day", "no hours", applies("XX"), Map.of(
            Channel.VOICE, new ChannelRules(LocalTime.MIDNIGHT, LocalTime.MAX, Set.of(), List.of(),
                    Duration.ZERO)), List.of(), 0);
    static final RulePack NO_SUNDAY = new RulePack("no-sunday", "no contact on Sundays", applies("XX"), Map.of(
            Channel.VOICE, new ChannelRules(LocalTime.of(8, 0), LocalTime.of(21, 0), Set.of(DayOfWeek.SUNDAY),
                    List.of(), Duration.ZERO)), List.of(), 0);
    static final RulePack OPENS_0230 = new RulePack("opens-0230", "opens in the gap", applies("XX"), Map.of(
            Channel.VOICE, hours(2, 30, 21, 0)), List.of(), 0);
    static final RulePack OPENS_0130 = new RulePack("opens-0130", "opens in the overlap", applies("XX"), Map.of(
            Channel.VOICE, hours(1, 30, 21, 0)), List.of(), 0);

    private static final Map<String, RulePack> BY_ID = Map.of(US_REGF.id(), US_REGF, US_WA.id(), US_WA,
            US_MA.id(), US_MA, CN.id(), CN, LOCKOUT_ONLY.id(), LOCKOUT_ONLY, ALL_DAY.id(), ALL_DAY,
            NO_SUNDAY.id(), NO_SUNDAY, OPENS_0230.id(), OPENS_0230, OPENS_0130.id(), OPENS_0130);

    private PolicyFixtures() {
    }

    static Applicability applies(String country) {
        return new Applicability(Set.of(country), Set.of());
    }

    static Applicability region(String region) {
        return new Applicability(Set.of(), Set.of(region));
    }

    static ChannelRules hours(int fromHour, int fromMinute, int untilHour, int untilMinute) {
        return new ChannelRules(LocalTime.of(fromHour, fromMinute), LocalTime.of(untilHour, untilMinute), Set.of(),
                List.of(), Duration.ZERO);
    }

    static Cap cap(String id, int max, Duration window, CapScope scope, Set<ContactKind> counts) {
        return new Cap(id, max, window, scope, counts, Set.of(), Set.of());
    }

    /** "us-regf+us-wa" -> those packs. */
    static List<RulePack> packs(String ids) {
        return Arrays.stream(ids.split("\\+")).map(id -> {
            RulePack pack = BY_ID.get(id.trim());
            if (pack == null) {
                throw new IllegalArgumentException("no test pack " + id);
            }
            return pack;
        }).toList();
    }

    /** "America/Los_Angeles|America/New_York" -> candidate zones, each with a masked source. */
    static List<CandidateZone> zones(String ids) {
        List<CandidateZone> zones = new ArrayList<>();
        for (String id : ids.split("\\|")) {
            zones.add(new CandidateZone(ZoneId.of(id.trim()), zones.isEmpty() ? "address" : "phone +1212***"));
        }
        return zones;
    }

    static ContactPolicy policy(List<RulePack> packs, List<CandidateZone> zones) {
        return new ContactPolicy((debtor, requested) -> packs, debtor -> zones, HORIZON);
    }

    static ContactPolicy policy(String packs, String zones) {
        return policy(packs(packs), zones(zones));
    }

    static ContactPoint point(Channel channel, String address, ContactType type) {
        return new ContactPoint(channel, address, type, false);
    }

    static PastContact call(String caseId, String address, ContactType type, Instant at, ContactKind... kinds) {
        Set<ContactKind> all = EnumSet.of(ContactKind.CALL_PLACED);
        all.addAll(Arrays.asList(kinds));
        return new PastContact(caseId, Channel.VOICE, address, type, at, all);
    }

    static Attempt voice() {
        return new Attempt();
    }

    /** A request being built: a voice call to the debtor's mobile about case-1 unless told otherwise. */
    static final class Attempt {
        private String caseId = "case-1";
        private Channel channel = Channel.VOICE;
        private ContactPoint point = point(Channel.VOICE, MOBILE, ContactType.MOBILE);
        private TemplateTraits template = TemplateTraits.ordinary();
        private final List<PastContact> history = new ArrayList<>();
        private ContactPreferences preferences = ContactPreferences.none();
        private ContactRequest.BorrowerReach reach = ContactRequest.BorrowerReach.reachable();

        Attempt caseId(String value) {
            caseId = value;
            return this;
        }

        Attempt to(Channel value, String address, ContactType type, boolean consent) {
            channel = value;
            point = new ContactPoint(value, address, type, consent);
            return this;
        }

        Attempt to(String address, ContactType type) {
            return to(channel, address, type, false);
        }

        Attempt template(TemplateTraits value) {
            template = value;
            return this;
        }

        Attempt after(PastContact... contacts) {
            history.addAll(Arrays.asList(contacts));
            return this;
        }

        Attempt preferences(ContactPreferences value) {
            preferences = value;
            return this;
        }

        Attempt reach(int failures, boolean allInvalid) {
            reach = new ContactRequest.BorrowerReach(failures, allInvalid);
            return this;
        }

        ContactRequest request() {
            return new ContactRequest(caseId, DEBTOR, channel, point, template, List.of(),
                    new ContactHistory(history), preferences, reach);
        }
    }
}
