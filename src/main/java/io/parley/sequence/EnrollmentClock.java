package io.parley.sequence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The fixed points an enrollment's due times are computed from.
 *
 * @param enrolledAt when the case entered the sequence
 * @param dueDate    the account's due date, or null when it has none
 * @param zone       the debtor's time zone, for local times of day and the due date's start
 */
public record EnrollmentClock(Instant enrolledAt, LocalDate dueDate, ZoneId zone) {
    public EnrollmentClock {
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        Objects.requireNonNull(zone, "zone");
    }

    public Optional<LocalDate> dueDateIfKnown() {
        return Optional.ofNullable(dueDate);
    }
}
