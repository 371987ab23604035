package io.parley.policy;

import io.parley.domain.Channel;
import io.parley.domain.ContactType;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One cap as it bears on one attempt: the past contacts it counts, oldest first. A cap limits an attempt that it
 * would count (the attempt's kinds meet the cap's, and its point is of a type the cap is for); the attempt fits
 * when the contacts counted in the rolling window (t - window, t], plus the attempt, are at most the maximum.
 * Contacts recorded after t (clock skew) count too, which only ever makes the cap stricter.
 */
record CapUsage(Cap cap, List<Instant> counted) implements Constraint {
    CapUsage {
        counted = counted.stream().sorted().toList();
    }

    /** The usage of a cap by this attempt, or empty when the cap does not limit it. */
    static Optional<CapUsage> of(Cap cap, ContactRequest request) {
        ContactType type = request.contact().type();
        if (Collections.disjoint(request.counts(), cap.counts())
                || !cap.toTypes().isEmpty() && !cap.toTypes().contains(type)) {
            return Optional.empty();
        }
        return Optional.of(new CapUsage(cap, request.history().contacts().stream()
                .filter(past -> counts(cap, request, past)).map(PastContact::at).toList()));
    }

    /** Contacts counted in the window ending at {@code at}. */
    int countedAt(Instant at) {
        Instant windowStart = at.minus(cap.window());
        return (int) counted.stream().filter(c -> c.isAfter(windowStart)).count();
    }

    @Override
    public Optional<Instant> earliest(Instant at, Instant limit) {
        if (cap.max() == 0) {
            return Optional.empty();
        }
        Instant windowStart = at.minus(cap.window());
        List<Instant> inWindow = counted.stream().filter(c -> c.isAfter(windowStart)).toList();
        int mustLeave = inWindow.size() + 1 - cap.max();
        return Optional.of(mustLeave <= 0 ? at : inWindow.get(mustLeave - 1).plus(cap.window()));
    }

    @Override
    public String rule(Instant at) {
        return cap.id();
    }

    @Override
    public String reason(Instant at, Optional<Instant> next) {
        return cap.id() + " allows at most " + cap.max() + " per " + Words.duration(cap.window()) + " per "
                + cap.scope().wire().replace('_', ' ') + ": " + countedAt(at) + " already counted at " + at
                + next.map(n -> "; the next fits at " + n + ", when enough of them have left the window")
                .orElse("; none fits again within the horizon");
    }

    private static boolean counts(Cap cap, ContactRequest request, PastContact past) {
        boolean channel = past.channel() == request.channel() || cap.channels().contains(past.channel());
        boolean kind = !Collections.disjoint(past.kinds(), cap.counts());
        boolean type = cap.toTypes().isEmpty() || cap.toTypes().contains(past.type());
        boolean scope = switch (cap.scope()) {
            case DEBT -> past.caseId().equals(request.caseId());
            case PERSON -> true;
            case CONTACT_POINT -> past.address().equals(request.contact().address());
        };
        return channel && kind && type && scope;
    }
}
