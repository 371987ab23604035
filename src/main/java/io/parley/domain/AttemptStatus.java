package io.parley.domain;

import java.util.Locale;

/**
 * Where an attempt stands. Statuses only move forward (by rank): a late or duplicated provider callback never moves
 * an attempt back. SENDING is committed before the provider is called; UNKNOWN means the provider may or may not
 * have got it (crash or timeout in between) and it is counted as made, never resent blindly.
 */
public enum AttemptStatus {
    SENDING(0), UNKNOWN(0), QUEUED(1), SENT(2), DELIVERED(3), UNDELIVERED(3), FAILED(3);

    private final int rank;

    AttemptStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttemptStatus parse(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
