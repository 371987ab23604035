package io.parley.policy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The earliest instant at or after now at which every constraint holds. A candidate instant starts at now; each
 * constraint in turn moves it to the earliest instant at or after it where that constraint holds; this repeats
 * until a whole round moves nothing. Since no constraint moves past an instant where it holds, no instant skipped
 * satisfies every constraint: the fixed point is the earliest. The search stops at the horizon, and after
 * {@link #MAX_ROUNDS} rounds (the instant reached is then still a safe lower bound).
 */
final class EarliestTime {
    static final int MAX_ROUNDS = 1_000;

    enum Status {
        /** Every constraint holds at the instant found. */
        FOUND,
        /** No instant up to the horizon satisfies every constraint. */
        BEYOND_HORIZON,
        /** The rounds ran out: nothing before the instant reached is allowed, but it is not known to be. */
        UNSETTLED
    }

    /** A constraint that kept the attempt waiting, and why. */
    record Wait(String rule, String reason) {
    }

    /**
     * @param waits one per constraint that moved the instant, in the order of their last move (the deciding one
     *              last)
     */
    record Result(Status status, Instant at, List<Wait> waits) {
        Optional<String> decidingRule() {
            return waits.isEmpty() ? Optional.empty() : Optional.of(waits.get(waits.size() - 1).rule());
        }
    }

    private EarliestTime() {
    }

    static Result search(List<Constraint> constraints, Instant now, Instant limit) {
        Instant at = now;
        Map<Constraint, Wait> waits = new LinkedHashMap<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean moved = false;
            for (Constraint constraint : constraints) {
                Optional<Instant> next = constraint.earliest(at, limit);
                if (next.isPresent() && !next.get().isAfter(at)) {
                    continue;
                }
                waits.remove(constraint);
                waits.put(constraint, new Wait(constraint.rule(at), constraint.reason(at, next)));
                if (next.isEmpty() || next.get().isAfter(limit)) {
                    return new Result(Status.BEYOND_HORIZON, at, List.copyOf(waits.values()));
                }
                at = next.get();
                moved = true;
            }
            if (!moved) {
                return new Result(Status.FOUND, at, List.copyOf(waits.values()));
            }
        }
        return new Result(Status.UNSETTLED, at, List.copyOf(waits.values()));
    }
}
