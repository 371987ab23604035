package io.parley.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.domain.ContactType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * For random candidate zones (DST, half- and quarter-hour zones, clock changes at midnight), random instants (many
 * near clock changes), random histories and random packs, the policy agrees with a brute-force checker written
 * from the rules directly: an Allow breaks no rule, a Defer is allowed when it ends, and nothing before it is.
 * Minimality holds exactly for every kind of rule (hours, days, inconvenient times, caps, lockout), because each
 * constraint reports the exact earliest instant it holds and the search stops only when all hold.
 */
class ContactPolicyPropertiesTest {
    private static final Duration HORIZON = Duration.ofDays(30);

    @Property(tries = 300, seed = "20260308")
    void anAllowBreaksNoRuleAndOnlyABrokenRuleStopsOne(@ForAll("scenarios") Scenario s) {
        Decision decision = s.decide(s.now());
        Statistics.label("outcome").collect(decision.outcome());
        Statistics.label("outcome").coverage(c -> {
            c.check("allow").percentage(p -> p >= 10);
            c.check("defer").percentage(p -> p >= 25);
        });

        assertEquals(RuleChecker.allows(s, s.now()), decision instanceof Decision.Allow, decision.reasons()::toString);
    }

    @Property(tries = 300, seed = "20261101")
    void aDeferralIsAllowedWhenItEnds(@ForAll("scenarios") Scenario s) {
        if (s.decide(s.now()) instanceof Decision.Defer defer) {
            assertTrue(defer.until().isAfter(s.now()), "deferred to " + defer.until() + " from " + s.now());
            assertInstanceOf(Decision.Allow.class, s.decide(defer.until()), defer.reasons()::toString);
            assertTrue(RuleChecker.allows(s, defer.until()), defer.reasons()::toString);
        }
    }

    @Property(tries = 300, seed = "20260405")
    void nothingBeforeADeferralIsAllowed(@ForAll("scenarios") Scenario s) {
        if (s.decide(s.now()) instanceof Decision.Defer defer) {
            for (Object rule : (List<?>) defer.facts().get("deferredBy")) {
                Statistics.label("deferred by").collect(kind(rule.toString()));
            }
            Statistics.label("deferred by").coverage(c -> {
                for (String kind : List.of("hours", "no-contact-day", "inconvenient-time", "cap", "lockout")) {
                    c.check(kind).count(n -> n >= 3);
                }
            });
            Duration wait = Duration.between(s.now(), defer.until());
            for (int k = 0; k < 16; k++) {
                Instant earlier = s.now().plus(wait.multipliedBy(k).dividedBy(16));
                assertFalse(RuleChecker.allows(s, earlier), () -> "allowed at " + earlier + " " + defer.reasons());
            }
            for (Instant justBefore : List.of(defer.until().minusSeconds(1), defer.until().minusNanos(1))) {
                if (!justBefore.isBefore(s.now())) {
                    assertFalse(RuleChecker.allows(s, justBefore), () -> "allowed at " + justBefore);
                    Decision again = s.decide(justBefore);
                    assertEquals(defer.until(), assertInstanceOf(Decision.Defer.class, again).until());
                }
            }
        }
    }

    @Property(tries = 300, seed = "20261004")
    void onlyATimeNoRuleAllowsWithinTheHorizonIsSuppressed(@ForAll("scenarios") Scenario s) {
        if (s.decide(s.now()) instanceof Decision.Suppress suppress) {
            Statistics.label("suppressed by").collect(suppress.rule());
            assertTrue(Set.of(ContactPolicy.NO_ALLOWED_TIME, "hours/empty").contains(suppress.rule()), suppress.rule());
            for (Instant at = s.now(); at.isBefore(s.now().plus(HORIZON)); at = at.plus(Duration.ofMinutes(15))) {
                assertFalse(RuleChecker.allows(s, at), "allowed at " + at);
            }
        }
    }

    /** The kind of rule a rule id names: "p1/voice/hours" -> "hours", "p0/cap1" -> "cap". */
    private static String kind(String rule) {
        String last = rule.substring(rule.lastIndexOf('/') + 1);
        return last.startsWith("cap") ? "cap" : last;
    }

    /** One decision to make: packs, zones, the attempt with its history, and when. */
    record Scenario(List<RulePack> packs, List<CandidateZone> zones, ContactRequest request, Instant now) {
        Decision decide(Instant at) {
            return new ContactPolicy((debtor, requested) -> packs, debtor -> zones, HORIZON).decide(request, at);
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<CandidateZone>> zones = Arbitraries.of(Generators.ZONES).list().ofMinSize(1).ofMaxSize(2)
                .uniqueElements().map(ids -> ids.stream()
                        .map(id -> new CandidateZone(ZoneId.of(id), "test " + id)).toList());
        Arbitrary<List<RulePack>> packs = Generators.pack().list().ofMinSize(1).ofMaxSize(3).map(Generators::named);
        return Combinators.combine(packs, zones, Generators.now(), Generators.attempt(),
                        Generators.pastContact().list().ofMaxSize(20), Generators.inconvenient())
                .as((p, z, now, attempt, past, inconvenient) -> new Scenario(p, z, new ContactRequest("case-1",
                        PolicyFixtures.DEBTOR, attempt.channel(), attempt, TemplateTraits.ordinary(), List.of(),
                        new ContactHistory(past.stream().map(contact -> contact.before(now)).toList()),
                        new ContactPreferences(false, Set.of(), inconvenient), ContactRequest.BorrowerReach.reachable()),
                        now));
    }

    /** The rules written out directly, one instant at a time, with no search and no combining of packs. */
    static final class RuleChecker {
        static boolean allows(Scenario s, Instant t) {
            Channel channel = s.request().channel();
            for (CandidateZone zone : s.zones()) {
                LocalDateTime local = LocalDateTime.ofInstant(t, zone.zone());
                for (RulePack pack : s.packs()) {
                    ChannelRules rules = pack.channels().get(channel);
                    if (rules != null && (!inHours(rules, local.toLocalTime())
                            || rules.noContactDays().contains(local.getDayOfWeek()))) {
                        return false;
                    }
                }
                for (InconvenientTime time : s.request().preferences().inconvenientTimes()) {
                    if (time.appliesTo(channel) && inconvenient(time, local)) {
                        return false;
                    }
                }
            }
            return capsAllow(s, t) && lockoutOver(s, t);
        }

        private static boolean inHours(ChannelRules rules, LocalTime time) {
            return !time.isBefore(rules.from()) && (rules.until().equals(LocalTime.MAX) || time.isBefore(rules.until()));
        }

        private static boolean inconvenient(InconvenientTime time, LocalDateTime local) {
            LocalTime clock = local.toLocalTime();
            boolean today = time.days().isEmpty() || time.days().contains(local.getDayOfWeek());
            boolean yesterday = time.days().isEmpty() || time.days().contains(local.getDayOfWeek().minus(1));
            if (time.from().isBefore(time.until())) {
                return today && !clock.isBefore(time.from()) && clock.isBefore(time.until());
            }
            return today && !clock.isBefore(time.from()) || yesterday && clock.isBefore(time.until());
        }

        private static boolean capsAllow(Scenario s, Instant t) {
            ContactRequest request = s.request();
            Set<ContactKind> own = request.channel() == Channel.VOICE
                    ? Set.of(ContactKind.CALL_PLACED, ContactKind.CALL_UNANSWERED) : Set.of(ContactKind.SMS);
            for (RulePack pack : s.packs()) {
                List<Cap> caps = new ArrayList<>(pack.caps().stream()
                        .filter(cap -> cap.channels().contains(request.channel())).toList());
                if (pack.channels().containsKey(request.channel())) {
                    caps.addAll(pack.channels().get(request.channel()).caps());
                }
                for (Cap cap : caps) {
                    if (Collections.disjoint(own, cap.counts())
                            || !cap.toTypes().isEmpty() && !cap.toTypes().contains(request.contact().type())) {
                        continue;
                    }
                    long count = request.history().contacts().stream()
                            .filter(c -> c.at().isAfter(t.minus(cap.window())) && !c.at().isAfter(t))
                            .filter(c -> c.channel() == request.channel() || cap.channels().contains(c.channel()))
                            .filter(c -> !Collections.disjoint(c.kinds(), cap.counts()))
                            .filter(c -> cap.toTypes().isEmpty() || cap.toTypes().contains(c.type()))
                            .filter(c -> switch (cap.scope()) {
                                case DEBT -> c.caseId().equals(request.caseId());
                                case PERSON -> true;
                                case CONTACT_POINT -> c.address().equals(request.contact().address());
                            }).count();
                    if (count + 1 > cap.max()) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static boolean lockoutOver(Scenario s, Instant t) {
            if (s.request().channel() != Channel.VOICE) {
                return true;
            }
            long days = s.packs().stream().map(p -> p.channels().get(Channel.VOICE)).filter(r -> r != null)
                    .mapToLong(r -> (r.lockoutAfterConversation().toSeconds() + 86_399) / 86_400).max().orElse(0);
            if (days == 0) {
                return true;
            }
            return s.request().history().contacts().stream()
                    .filter(c -> c.caseId().equals(s.request().caseId()))
                    .filter(c -> c.kinds().contains(ContactKind.CALL_CONNECTED))
                    .allMatch(c -> s.zones().stream().allMatch(zone -> {
                        LocalDate dayOne = LocalDate.ofInstant(c.at(), zone.zone());
                        return !t.isBefore(dayOne.plusDays(days).atStartOfDay(zone.zone()).toInstant());
                    }));
        }
    }

    /** A past contact placed some seconds before the instant decided at. */
    record PastSpec(String caseId, Channel channel, String address, ContactType type, long secondsBefore,
                    Set<ContactKind> kinds) {
        PastContact before(Instant now) {
            return new PastContact(caseId, channel, address, type, now.minusSeconds(secondsBefore), kinds);
        }
    }

    /** The generators of packs, instants, attempts and histories. */
    static final class Generators {
        static final List<String> ZONES = List.of("America/New_York", "America/Chicago",
                "America/Indiana/Indianapolis", "America/Los_Angeles", "America/St_Johns", "Asia/Shanghai",
                "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "Australia/Adelaide", "Pacific/Chatham",
                "Europe/London", "America/Santiago", "America/Havana");
        static final List<String> NUMBERS = List.of("+12125550101", "+12125550102");
        private static final List<Instant> CLOCK_CHANGES = List.of(Instant.parse("2026-03-08T07:00:00Z"),
                Instant.parse("2026-11-01T06:00:00Z"), Instant.parse("2026-04-04T15:00:00Z"),
                Instant.parse("2026-10-03T15:30:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
                Instant.parse("2026-04-05T03:00:00Z"), Instant.parse("2026-09-06T04:00:00Z"));

        static Arbitrary<Instant> now() {
            Arbitrary<Instant> anyTime = Arbitraries.longs().between(Instant.parse("2026-01-01T00:00:00Z")
                    .getEpochSecond(), Instant.parse("2027-01-01T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond);
            Arbitrary<Instant> nearChange = Combinators.combine(Arbitraries.of(CLOCK_CHANGES),
                    Arbitraries.longs().between(-3 * 86_400, 3 * 86_400)).as(Instant::plusSeconds);
            return Arbitraries.oneOf(anyTime, nearChange);
        }

        static Arbitrary<RulePack> pack() {
            Arbitrary<Integer> fromQuarter = Arbitraries.integers().between(0, 63);
            Arbitrary<Integer> quarters = Arbitraries.integers().between(8, 96).withDistribution(
                    RandomDistribution.biased());
            Arbitrary<Set<DayOfWeek>> days = Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.just(Set.<DayOfWeek>of())),
                    Tuple.of(1, Arbitraries.subsetOf(DayOfWeek.values()).ofMaxSize(2)));
            Arbitrary<List<Cap>> caps = cap(Set.of()).list().ofMaxSize(2);
            Arbitrary<Integer> lockoutDays = Arbitraries.of(0, 0, 1, 2, 7);
            Arbitrary<List<Cap>> across = cap(Set.of(Channel.VOICE, Channel.SMS)).list().ofMaxSize(1);
            Arbitrary<Set<Channel>> listed = Arbitraries.of(Set.of(Channel.VOICE, Channel.SMS),
                    Set.of(Channel.VOICE, Channel.SMS), Set.of(Channel.VOICE), Set.of(Channel.SMS), Set.of());
            return Combinators.combine(fromQuarter, quarters, days, caps, lockoutDays, across, listed)
                    .as((from, length, noDays, channelCaps, lockout, packCaps, channels) -> {
                        LocalTime start = LocalTime.MIDNIGHT.plusMinutes(15L * from);
                        LocalTime end = from + length >= 96 ? LocalTime.MAX : start.plusMinutes(15L * length);
                        ChannelRules rules = new ChannelRules(start, end, noDays, channelCaps, Duration.ofDays(lockout));
                        Map<Channel, ChannelRules> byChannel = new HashMap<>();
                        channels.forEach(channel -> byChannel.put(channel, rules));
                        return new RulePack("p", "", PolicyFixtures.applies("XX"), byChannel, packCaps, 0);
                    });
        }

        /** Gives the packs distinct ids, and their caps ids under them. */
        static List<RulePack> named(List<RulePack> packs) {
            List<RulePack> named = new ArrayList<>();
            for (int i = 0; i < packs.size(); i++) {
                RulePack pack = packs.get(i);
                String id = "p" + i;
                Map<Channel, ChannelRules> channels = new HashMap<>();
                pack.channels().forEach((channel, rules) -> channels.put(channel, new ChannelRules(rules.from(),
                        rules.until(), rules.noContactDays(), rename(id, rules.caps()), rules.lockoutAfterConversation())));
                named.add(new RulePack(id, "", pack.appliesTo(), channels, rename(id, pack.caps()), 0));
            }
            return named;
        }

        private static List<Cap> rename(String pack, List<Cap> caps) {
            List<Cap> renamed = new ArrayList<>();
            for (int i = 0; i < caps.size(); i++) {
                Cap cap = caps.get(i);
                renamed.add(new Cap(pack + "/" + cap.id() + i, cap.max(), cap.window(), cap.scope(), cap.counts(),
                        cap.channels(), cap.toTypes()));
            }
            return renamed;
        }

        static Arbitrary<Cap> cap(Set<Channel> channels) {
            Arbitrary<Set<ContactKind>> counts = Arbitraries.subsetOf(ContactKind.CALL_PLACED,
                    ContactKind.CALL_UNANSWERED, ContactKind.CALL_CONNECTED, ContactKind.SMS).ofMinSize(1);
            Arbitrary<Set<ContactType>> toTypes = Arbitraries.of(Set.<ContactType>of(), Set.of(), Set.of(), Set.of(ContactType.WORK),
                    Set.of(ContactType.MOBILE));
            return Combinators.combine(Arbitraries.integers().between(1, 7),
                            Arbitraries.of(Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7)),
                            Arbitraries.of(CapScope.values()), counts, toTypes)
                    .as((max, window, scope, kinds, types) -> new Cap("cap", max, window, scope, kinds, channels, types));
        }

        static Arbitrary<ContactPoint> attempt() {
            Arbitrary<Channel> channel = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Channel.VOICE)),
                    Tuple.of(1, Arbitraries.just(Channel.SMS)));
            return Combinators.combine(channel, Arbitraries.of(NUMBERS),
                            Arbitraries.of(ContactType.MOBILE, ContactType.HOME, ContactType.WORK))
                    .as((c, number, type) -> new ContactPoint(c, number, type, true));
        }

        static Arbitrary<PastSpec> pastContact() {
            Arbitrary<Set<ContactKind>> callKinds = Arbitraries.of(
                    Set.of(ContactKind.CALL_PLACED, ContactKind.CALL_UNANSWERED),
                    Set.of(ContactKind.CALL_PLACED, ContactKind.CALL_CONNECTED),
                    Set.of(ContactKind.CALL_PLACED, ContactKind.VOICEMAIL));
            return Combinators.combine(Arbitraries.of("case-1", "case-2"), Arbitraries.of(Channel.VOICE, Channel.SMS),
                            Arbitraries.of(NUMBERS), Arbitraries.of(ContactType.MOBILE, ContactType.HOME, ContactType.WORK),
                            Arbitraries.longs().between(0, 10 * 86_400), callKinds)
                    .as((caseId, channel, number, type, before, kinds) -> new PastSpec(caseId, channel, number, type,
                            before, channel == Channel.VOICE ? kinds : Set.of(ContactKind.SMS)));
        }

        static Arbitrary<List<InconvenientTime>> inconvenient() {
            Arbitrary<InconvenientTime> one = Combinators.combine(
                            Arbitraries.subsetOf(DayOfWeek.values()).ofMaxSize(3),
                            Arbitraries.integers().between(0, 95), Arbitraries.integers().between(1, 40),
                            Arbitraries.of(Set.<Channel>of(), Set.of(Channel.VOICE)))
                    .as((days, from, length, channels) -> new InconvenientTime(days,
                            LocalTime.MIDNIGHT.plusMinutes(15L * from),
                            LocalTime.MIDNIGHT.plusMinutes(15L * ((from + length) % 96)), channels));
            return one.list().ofMaxSize(1);
        }
    }
}
