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

/** Random scenarios for the policy properties: packs, zones, histories, preferences and instants. */
final class PolicyGenerators {
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
