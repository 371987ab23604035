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

/** The rules written out directly, one instant at a time, with no search and no combining of packs. */
final class PolicyRuleChecker {
    static boolean allows(ContactPolicyPropertiesTest.Scenario s, Instant t) {
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

    private static boolean capsAllow(ContactPolicyPropertiesTest.Scenario s, Instant t) {
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

    private static boolean lockoutOver(ContactPolicyPropertiesTest.Scenario s, Instant t) {
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
