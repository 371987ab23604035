package io.parley.domain;

import java.util.Locale;
import java.util.Optional;

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

    /** The outcome a sequence branches on, once this status is final for the channel; empty while it may still change. */
    public Optional<AttemptOutcome> settledOutcome(Channel channel) {
        return switch (this) {
            case DELIVERED -> Optional.of(AttemptOutcome.DELIVERED);
            case UNDELIVERED, FAILED -> Optional.of(AttemptOutcome.FAILED);
            // an email accepted by the relay is as far as delivery can be known
            case SENT -> channel == Channel.EMAIL ? Optional.of(AttemptOutcome.DELIVERED) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Maps a Twilio message status to ours. */
    public static AttemptStatus fromTwilio(String status) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "accepted", "scheduled", "queued", "sending" -> QUEUED;
            case "sent" -> SENT;
            case "delivered", "read" -> DELIVERED;
            case "undelivered" -> UNDELIVERED;
            case "failed", "canceled" -> FAILED;
            default -> throw new IllegalArgumentException("unknown Twilio message status '" + status + "'");
        };
    }
}
