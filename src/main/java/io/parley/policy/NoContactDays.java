package io.parley.policy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

/** Days of the week, on the debtor's wall clock, with no contact at all. */
record NoContactDays(Set<DayOfWeek> days) implements LocalTimeRule {
    NoContactDays {
        days = Set.copyOf(days);
    }

    @Override
    public boolean allows(LocalDateTime local) {
        return !days.contains(local.getDayOfWeek());
    }

    @Override
    public Set<LocalTime> openings() {
        return Set.of();
    }

    @Override
    public String describe() {
        return "no contact on " + Words.days(days);
    }
}
