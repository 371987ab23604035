package io.parley.policy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The instants between which a field visit may happen: from the earliest instant every constraint holds until the
 * first whole minute at which one of them no longer does (contact hours closing in any candidate zone, a no-contact
 * day or an inconvenient time beginning), looked for up to a limit. Wall-clock rules change only on whole minutes,
 * so a minute's steps find the end exactly; caps and a lockout only ever loosen as time passes, so they bound the
 * start alone. Pure.
 *
 * @param from  the first lawful instant (inclusive)
 * @param until the end (exclusive): the first instant at which the visit is no longer lawful, or the limit
 */
public record LawfulWindow(Instant from, Instant until) {

    static LawfulWindow after(List<Constraint> constraints, Instant from, Instant limit) {
        Instant at = from.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        while (at.isBefore(limit)) {
            if (!holds(constraints, at, limit)) {
                return new LawfulWindow(from, at);
            }
            at = at.plus(1, ChronoUnit.MINUTES);
        }
        return new LawfulWindow(from, limit);
    }

    private static boolean holds(List<Constraint> constraints, Instant at, Instant limit) {
        for (Constraint constraint : constraints) {
            Optional<Instant> next = constraint.earliest(at, limit);
            if (next.isEmpty() || next.get().isAfter(at)) {
                return false;
            }
        }
        return true;
    }
}
