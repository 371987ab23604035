package io.parley.sequence;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Reads a step's {@code at} mapping: an anchor plus either {@code after} or {@code localTime} (and {@code days}). */
final class TimingParser {
    static final List<String> FIELDS = List.of("anchor", "after", "days", "localTime");
    static final int MAX_DAYS = 365;

    private TimingParser() {
    }

    static Optional<Timing> parse(Node at) {
        Problems.Scope scope = at.scope();
        Optional<Anchor> anchor = at.text("anchor", true).flatMap(text -> {
            try {
                return Optional.of(Anchor.parse(text));
            } catch (IllegalArgumentException e) {
                scope.report(at.path("anchor"), e.getMessage());
                return Optional.empty();
            }
        });
        boolean delayed = at.has("after");
        boolean timeOfDay = at.has("localTime") || at.has("days");
        if (delayed && timeOfDay) {
            scope.report(at.path("after"), "give either 'after' or 'localTime' (with optional 'days'), not both");
            return Optional.empty();
        }
        if (delayed) {
            Optional<Duration> delay = at.text("after", true).flatMap(text -> duration(at, "after", text));
            return anchor.isPresent() && delay.isPresent()
                    ? Optional.of(new Timing.AfterDelay(anchor.get(), delay.get())) : Optional.empty();
        }
        if (!timeOfDay) {
            scope.report(at.path("after"), "is required (or 'localTime' with optional 'days')");
            return Optional.empty();
        }
        Optional<LocalTime> time = at.text("localTime", true).flatMap(text -> {
            try {
                return Optional.of(WireValues.timeOfDay(text));
            } catch (IllegalArgumentException e) {
                scope.report(at.path("localTime"), e.getMessage());
                return Optional.empty();
            }
        });
        boolean daysGiven = at.has("days");
        Optional<Integer> days = daysGiven ? at.integer("days", true) : Optional.of(0);
        days = days.filter(d -> checkDays(at, anchor, d));
        if (anchor.isEmpty() || time.isEmpty() || days.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Timing.LocalTimeOfDay(anchor.get(), days.get(), time.get()));
    }

    static Optional<Duration> duration(Node node, String key, String text) {
        try {
            return Optional.of(WireValues.duration(text));
        } catch (IllegalArgumentException e) {
            node.scope().report(node.path(key), e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean checkDays(Node at, Optional<Anchor> anchor, int days) {
        if (Math.abs(days) > MAX_DAYS) {
            at.scope().report(at.path("days"), days + " is out of range (-" + MAX_DAYS + " to " + MAX_DAYS + ")");
            return false;
        }
        if (days < 0 && anchor.isPresent() && anchor.get() != Anchor.DUE_DATE) {
            at.scope().report(at.path("days"), days + " counts back from the " + anchor.get().wire()
                    + "; negative days are only allowed with anchor due_date");
            return false;
        }
        return true;
    }
}
