package io.parley.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * One rule the instant of an attempt must satisfy, able to say when it next holds: contact hours or a no-contact
 * day in one candidate zone, an inconvenient time, a cap, a lockout.
 */
interface Constraint {
    /**
     * The earliest instant at or after {@code at} at which this holds: {@code at} itself when it holds then. Never
     * earlier than the true one. Empty when it does not hold again up to {@code limit}.
     */
    Optional<Instant> earliest(Instant at, Instant limit);

    /** The id of the rule that keeps an attempt at {@code at} waiting, e.g. "us-regf/voice/7-in-7". */
    String rule(Instant at);

    /** Why an attempt at {@code at} waits, and until when ({@code next}, empty when not within the horizon). */
    String reason(Instant at, Optional<Instant> next);
}
