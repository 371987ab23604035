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

        assertEquals(PolicyRuleChecker.allows(s, s.now()), decision instanceof Decision.Allow, decision.reasons()::toString);
    }

    @Property(tries = 300, seed = "20261101")
    void aDeferralIsAllowedWhenItEnds(@ForAll("scenarios") Scenario s) {
        if (s.decide(s.now()) instanceof Decision.Defer defer) {
            assertTrue(defer.until().isAfter(s.now()), "deferred to " + defer.until() + " from " + s.now());
            assertInstanceOf(Decision.Allow.class, s.decide(defer.until()), defer.reasons()::toString);
            assertTrue(PolicyRuleChecker.allows(s, defer.until()), defer.reasons()::toString);
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
                assertFalse(PolicyRuleChecker.allows(s, earlier), () -> "allowed at " + earlier + " " + defer.reasons());
            }
            for (Instant justBefore : List.of(defer.until().minusSeconds(1), defer.until().minusNanos(1))) {
                if (!justBefore.isBefore(s.now())) {
                    assertFalse(PolicyRuleChecker.allows(s, justBefore), () -> "allowed at " + justBefore);
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
                assertFalse(PolicyRuleChecker.allows(s, at), "allowed at " + at);
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
        Arbitrary<List<CandidateZone>> zones = Arbitraries.of(PolicyGenerators.ZONES).list().ofMinSize(1).ofMaxSize(2)
                .uniqueElements().map(ids -> ids.stream()
                        .map(id -> new CandidateZone(ZoneId.of(id), "test " + id)).toList());
        Arbitrary<List<RulePack>> packs = PolicyGenerators.pack().list().ofMinSize(1).ofMaxSize(3).map(PolicyGenerators::named);
        return Combinators.combine(packs, zones, PolicyGenerators.now(), PolicyGenerators.attempt(),
                        PolicyGenerators.pastContact().list().ofMaxSize(20), PolicyGenerators.inconvenient())
                .as((p, z, now, attempt, past, inconvenient) -> new Scenario(p, z, new ContactRequest("case-1",
                        PolicyFixtures.DEBTOR, attempt.channel(), attempt, TemplateTraits.ordinary(), List.of(),
                        new ContactHistory(past.stream().map(contact -> contact.before(now)).toList()),
                        new ContactPreferences(false, Set.of(), inconvenient), ContactRequest.BorrowerReach.reachable()),
                        now));
    }

}
