package io.parley.policy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.Function;

/**
 * A wall-clock rule (contact hours, no-contact days, an inconvenient time) in one candidate zone.
 *
 * @param description the rule in words, with the packs it comes from
 * @param ruleId      names the rule that keeps an attempt waiting at a local time (hours name the pack of the end
 *                    that is binding then)
 */
record LocalConstraint(LocalTimeRule local, String description, CandidateZone zone,
                       Function<LocalDateTime, String> ruleId) implements Constraint {
    @Override
    public Optional<Instant> earliest(Instant at, Instant limit) {
        return LocalClock.firstAllowed(zone.zone(), local, at, limit);
    }

    @Override
    public String rule(Instant at) {
        return ruleId.apply(LocalDateTime.ofInstant(at, zone.zone()));
    }

    @Override
    public String reason(Instant at, Optional<Instant> next) {
        return description + ": it is " + LocalClock.readable(at, zone.zone()) + " in " + zone.zone().getId()
                + " (" + zone.source() + ")" + next.map(n -> "; allowed there from "
                + LocalClock.readable(n, zone.zone())).orElse("; not allowed there again within the horizon");
    }
}
