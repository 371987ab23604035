package io.parley.channel.handoff;

import io.parley.domain.AttemptOutcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What came of a hand-off task, as the collection engine or the field app reports it: how it went, when, notes, and
 * for a promise its amount and date.
 */
public record TaskOutcome(AttemptOutcome outcome, Instant at, String notes, BigDecimal amount, LocalDate date) {
    public static final AttemptOutcome REACHED = AttemptOutcome.of("reached");
    public static final AttemptOutcome NOT_REACHED = AttemptOutcome.of("not_reached");
    /** Somebody else answered the door: nothing about the debt was disclosed. */
    public static final AttemptOutcome THIRD_PARTY = AttemptOutcome.of("third_party");
    public static final AttemptOutcome REFUSED = AttemptOutcome.of("refused");
    public static final AttemptOutcome ADDRESS_INVALID = AttemptOutcome.of("address_invalid");
    public static final AttemptOutcome PROMISED = AttemptOutcome.of("promised");
    /** No outcome came by the task's deadline. */
    public static final AttemptOutcome TIMEOUT = AttemptOutcome.of("timeout");

    /** What the engine may report about a visit (timeout is Parley's own). */
    public static final List<AttemptOutcome> REPORTED =
            List.of(REACHED, NOT_REACHED, THIRD_PARTY, REFUSED, ADDRESS_INVALID, PROMISED);

    public TaskOutcome {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        if (outcome == PROMISED && (amount == null || date == null)) {
            throw new IllegalArgumentException("a promise needs its amount and date");
        }
    }

    /** The debtor was met in person: a conversation. */
    public boolean conversation() {
        return outcome == REACHED || outcome == PROMISED || outcome == REFUSED;
    }
}
