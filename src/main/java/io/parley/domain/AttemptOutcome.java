package io.parley.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * How an attempt ended, as far as the sequence is concerned: what steps branch on. The common outcomes apply to every
 * channel (DELIVERED covers a delivered SMS, an email accepted by the relay, an answered call); a channel module adds
 * its own (a call is {@code reached}, {@code machine}...).
 */
public final class AttemptOutcome implements Comparable<AttemptOutcome> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final ConcurrentMap<String, AttemptOutcome> ALL = new ConcurrentHashMap<>();

    public static final AttemptOutcome DELIVERED = of("delivered");
    public static final AttemptOutcome FAILED = of("failed");
    public static final AttemptOutcome NO_ANSWER = of("no_answer");
    public static final AttemptOutcome REPLIED = of("replied");
    public static final AttemptOutcome SUPPRESSED = of("suppressed");
    public static final AttemptOutcome UNKNOWN = of("unknown");

    /** The outcomes every channel's steps may branch on, in the order they are listed in messages. */
    public static final java.util.List<AttemptOutcome> COMMON =
            java.util.List.of(DELIVERED, FAILED, NO_ANSWER, REPLIED, SUPPRESSED, UNKNOWN);

    private final String wire;

    private AttemptOutcome(String wire) {
        this.wire = wire;
    }

    /** The one instance for a well-formed wire name (so instances compare with ==). */
    public static AttemptOutcome of(String wire) {
        Objects.requireNonNull(wire, "wire");
        if (!NAME.matcher(wire).matches()) {
            throw new IllegalArgumentException("'" + wire + "' is not an outcome name (lower-case letters, digits and _, "
                    + "starting with a letter, at most 32)");
        }
        return ALL.computeIfAbsent(wire, AttemptOutcome::new);
    }

    /**
     * Parses a wire name in any case, trimmed. Any well-formed name parses, since modules bring their own; whether one
     * is known is the caller's question. Throws IllegalArgumentException naming the form.
     */
    public static AttemptOutcome parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an outcome name is required");
        }
        return of(value.trim().toLowerCase(Locale.ROOT));
    }

    public String wire() {
        return wire;
    }

    @Override
    public int compareTo(AttemptOutcome other) {
        return wire.compareTo(other.wire);
    }

    @Override
    public String toString() {
        return wire;
    }
}
