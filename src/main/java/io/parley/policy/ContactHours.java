package io.parley.policy;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

/**
 * Contact hours on the debtor's wall clock: from {@code from} (inclusive) to {@code until} (exclusive).
 * {@link LocalTime#MAX} as {@code until} stands for 24:00, the end of the day.
 */
record ContactHours(LocalTime from, LocalTime until) implements LocalTimeRule {
    static ContactHours of(EffectiveRules rules) {
        return new ContactHours(rules.from().value(), rules.until().value());
    }

    boolean allows(LocalTime time) {
        return !time.isBefore(from) && (endsAtMidnight() || time.isBefore(until));
    }

    /** True when no time of day is inside. */
    boolean empty() {
        return !from.isBefore(until);
    }

    @Override
    public boolean allows(LocalDateTime local) {
        return allows(local.toLocalTime());
    }

    @Override
    public Set<LocalTime> openings() {
        return Set.of(from);
    }

    @Override
    public String describe() {
        return "contact hours " + text();
    }

    /** "08:00-21:00", or "00:00-24:00" when unrestricted. */
    String text() {
        return from + "-" + (endsAtMidnight() ? "24:00" : until.toString());
    }

    private boolean endsAtMidnight() {
        return until.equals(LocalTime.MAX);
    }
}
