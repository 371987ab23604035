package io.parley.policy;

import io.parley.domain.Channel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a decision tells compliance officers: the reasons in sentences, and the facts the policy saw. Facts hold
 * only strings, numbers, lists and maps, so they serialise to JSON as they are; they name no contact point.
 */
final class Explanation {
    static final String ALLOWED = "policy";

    private final EffectiveRules rules;
    private final List<CandidateZone> zones;
    private final Instant now;
    private final Map<String, Object> facts = new LinkedHashMap<>();

    Explanation(EffectiveRules rules, List<CandidateZone> zones, List<CapUsage> caps, Optional<Lockout> lockout,
                Instant now) {
        this.rules = rules;
        this.zones = List.copyOf(zones);
        this.now = now;
        ContactHours hours = ContactHours.of(rules);
        facts.put("packs", rules.packs());
        facts.put("channel", rules.channel().wire());
        facts.put("hours", hours.text());
        facts.put("hoursSetBy", ordered("from", rules.from().pack(), "until", rules.until().pack()));
        if (!rules.noContactDays().isEmpty()) {
            Map<String, Object> days = new LinkedHashMap<>();
            rules.noContactDays().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(day -> days.put(day.getKey().name().toLowerCase(Locale.ROOT), day.getValue()));
            facts.put("noContactDays", Collections.unmodifiableMap(days));
        }
        facts.put("caps", caps.stream().map(usage -> capFacts(usage, now)).toList());
        if (Lockout.locksOut(rules.channel()) && rules.hasLockout()) {
            facts.put("lockout", lockoutFacts(lockout));
        }
        if (rules.channel() == Channel.VOICE) {
            facts.put("call", rules.call().facts());
        }
    }

    /** A field visit's lawful window, with its ends on each candidate zone's wall clock. */
    void window(LawfulWindow window) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("from", window.from().toString());
        w.put("until", window.until().toString());
        w.put("zones", zones.stream().map(zone -> {
            Map<String, Object> local = new LinkedHashMap<>();
            local.put("zone", zone.zone().getId());
            local.put("from", LocalDateTime.ofInstant(window.from(), zone.zone()).toString());
            local.put("until", LocalDateTime.ofInstant(window.until(), zone.zone()).toString());
            return Collections.unmodifiableMap(local);
        }).toList());
        facts.put("window", Collections.unmodifiableMap(w));
    }

    Decision allow() {
        List<String> reasons = new ArrayList<>();
        reasons.add("allowed at " + now + ": every rule of " + String.join(", ", rules.packs()) + " for "
                + rules.channel().wire() + " holds in every candidate zone");
        reasons.addAll(zoneReasons(Optional.empty()));
        return new Decision.Allow(ALLOWED, List.copyOf(reasons), done(Optional.empty(), List.of()));
    }

    Decision defer(EarliestTime.Result found, Optional<String> note) {
        List<String> reasons = new ArrayList<>();
        found.waits().forEach(wait -> reasons.add(wait.reason()));
        note.ifPresent(reasons::add);
        reasons.addAll(zoneReasons(Optional.of(found.at())));
        List<String> deferredBy = found.waits().stream().map(EarliestTime.Wait::rule).distinct().toList();
        return new Decision.Defer(found.at(), found.decidingRule().orElse(ALLOWED), List.copyOf(reasons),
                done(Optional.of(found.at()), deferredBy));
    }

    Decision suppress(String rule, List<String> why) {
        List<String> reasons = new ArrayList<>(why);
        reasons.addAll(zoneReasons(Optional.empty()));
        return new Decision.Suppress(rule, List.copyOf(reasons), done(Optional.empty(), List.of()));
    }

    private Map<String, Object> done(Optional<Instant> until, List<String> deferredBy) {
        Map<String, Object> all = new LinkedHashMap<>(facts);
        all.put("zones", zones.stream().map(zone -> zoneFacts(zone, until)).toList());
        until.ifPresent(at -> all.put("until", at.toString()));
        if (!deferredBy.isEmpty()) {
            all.put("deferredBy", deferredBy);
        }
        return Collections.unmodifiableMap(all);
    }

    private List<String> zoneReasons(Optional<Instant> until) {
        return zones.stream().map(zone -> "debtor zone " + zone.zone().getId() + " (" + zone.source()
                + "): local time " + LocalClock.readable(now, zone.zone())
                + until.map(at -> ", deferred to " + LocalClock.readable(at, zone.zone())).orElse("")).toList();
    }

    private Map<String, Object> zoneFacts(CandidateZone zone, Optional<Instant> until) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("zone", zone.zone().getId());
        facts.put("source", zone.source());
        facts.put("localTime", LocalDateTime.ofInstant(now, zone.zone()).toString());
        until.ifPresent(at -> facts.put("untilLocalTime", LocalDateTime.ofInstant(at, zone.zone()).toString()));
        return Collections.unmodifiableMap(facts);
    }

    private static Map<String, Object> capFacts(CapUsage usage, Instant now) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", usage.cap().id());
        facts.put("counted", usage.countedAt(now));
        facts.put("max", usage.cap().max());
        facts.put("window", Words.duration(usage.cap().window()));
        facts.put("scope", usage.cap().scope().wire());
        return Collections.unmodifiableMap(facts);
    }

    private Map<String, Object> lockoutFacts(Optional<Lockout> lockout) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("days", Lockout.ceilDays(rules.lockout().value()));
        facts.put("pack", rules.lockout().pack());
        lockout.ifPresent(l -> {
            facts.put("lastConversation", l.conversation().toString());
            facts.put("callsAllowedFrom", l.allowedFrom().toString());
        });
        return Collections.unmodifiableMap(facts);
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return Collections.unmodifiableMap(map);
    }
}
