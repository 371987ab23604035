package io.parley.policy;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

/**
 * A rule about the debtor's wall clock (contact hours, no-contact days, a time they said is inconvenient): which
 * local date-times it allows, and the times of day at which it can start allowing again. Midnight and clock
 * changes are always looked at too, so a rule need not list them.
 */
interface LocalTimeRule {
    boolean allows(LocalDateTime local);

    Set<LocalTime> openings();

    /** The rule in words, e.g. "voice contact hours 08:00-21:00". */
    String describe();
}
