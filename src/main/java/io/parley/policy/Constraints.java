package io.parley.policy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every constraint on the instant of one attempt: contact hours, no-contact days and the debtor's inconvenient
 * times in each candidate zone, then the caps and the lockout.
 */
final class Constraints {
    static final String INCONVENIENT = "preferences/inconvenient-time";

    private Constraints() {
    }

    static List<Constraint> of(ContactRequest request, EffectiveRules rules, List<CandidateZone> zones,
                               List<CapUsage> caps, Optional<Lockout> lockout) {
        String channel = rules.channel().wire();
        ContactHours hours = ContactHours.of(rules);
        String hoursText = channel + " " + hours.describe() + " (start from " + rules.from().pack() + ", end from "
                + rules.until().pack() + ")";
        NoContactDays days = new NoContactDays(rules.noContactDays().keySet());
        String daysText = channel + ": " + days.describe() + " (" + packsOf(rules) + ")";
        List<InconvenientPeriod> inconvenient = request.preferences().inconvenientTimes().stream()
                .filter(time -> time.appliesTo(request.channel())).map(InconvenientPeriod::new).toList();
        List<Constraint> all = new ArrayList<>();
        for (CandidateZone zone : distinct(zones)) {
            all.add(new LocalConstraint(hours, hoursText, zone, local -> hoursRule(rules, hours, local)));
            if (!days.days().isEmpty()) {
                all.add(new LocalConstraint(days, daysText, zone, local -> rules.noContactDays()
                        .getOrDefault(local.getDayOfWeek(), RuleCombiner.NO_PACK) + "/" + channel + "/no-contact-day"));
            }
            for (InconvenientPeriod period : inconvenient) {
                all.add(new LocalConstraint(period, period.describe(), zone, local -> INCONVENIENT));
            }
        }
        all.addAll(caps);
        lockout.ifPresent(all::add);
        return all;
    }

    /** One candidate per zone (several sources may name the same zone). */
    static List<CandidateZone> distinct(List<CandidateZone> zones) {
        Map<ZoneId, CandidateZone> byZone = new LinkedHashMap<>();
        zones.forEach(zone -> byZone.putIfAbsent(zone.zone(), zone));
        return List.copyOf(byZone.values());
    }

    /** Before the start the pack that sets the start keeps the attempt waiting; after the end, the one that ends. */
    private static String hoursRule(EffectiveRules rules, ContactHours hours, LocalDateTime local) {
        String pack = local.toLocalTime().isBefore(hours.from()) ? rules.from().pack() : rules.until().pack();
        return pack + "/" + rules.channel().wire() + "/hours";
    }

    private static String packsOf(EffectiveRules rules) {
        StringBuilder text = new StringBuilder();
        rules.noContactDays().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(day -> text
                .append(text.length() == 0 ? "" : ", ").append(Words.days(List.of(day.getKey())))
                .append(" from ").append(day.getValue()));
        return text.toString();
    }
}
