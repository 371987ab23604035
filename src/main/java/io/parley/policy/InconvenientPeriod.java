package io.parley.policy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

/**
 * A time the debtor said is inconvenient, on their wall clock. A period that wraps past midnight belongs to the day
 * it starts on: "Friday 22:00-07:00" covers Friday 22:00 to Saturday 07:00.
 */
record InconvenientPeriod(InconvenientTime time) implements LocalTimeRule {
    @Override
    public boolean allows(LocalDateTime local) {
        LocalTime clock = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (!wraps()) {
            return !(on(day) && !clock.isBefore(time.from()) && clock.isBefore(time.until()));
        }
        boolean startedToday = on(day) && !clock.isBefore(time.from());
        boolean startedYesterday = on(day.minusDays(1)) && clock.isBefore(time.until());
        return !(startedToday || startedYesterday);
    }

    @Override
    public Set<LocalTime> openings() {
        return Set.of(time.until());
    }

    @Override
    public String describe() {
        String days = time.days().isEmpty() ? "every day" : Words.days(time.days());
        return "the debtor said " + days + " " + time.from() + "-" + time.until() + " is inconvenient";
    }

    private boolean wraps() {
        return time.from().isAfter(time.until());
    }

    private boolean on(LocalDate day) {
        return time.days().isEmpty() || time.days().contains(day.getDayOfWeek());
    }
}
