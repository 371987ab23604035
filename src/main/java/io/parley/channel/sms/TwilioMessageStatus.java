package io.parley.channel.sms;

import io.parley.domain.AttemptStatus;

import java.util.Locale;

/** Twilio's message statuses as attempt statuses. */
final class TwilioMessageStatus {
    private TwilioMessageStatus() {
    }

    /** Maps a Twilio message status to ours; throws IllegalArgumentException for one Twilio does not document. */
    static AttemptStatus toAttemptStatus(String status) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "accepted", "scheduled", "queued", "sending" -> AttemptStatus.QUEUED;
            case "sent" -> AttemptStatus.SENT;
            case "delivered", "read" -> AttemptStatus.DELIVERED;
            case "undelivered" -> AttemptStatus.UNDELIVERED;
            case "failed", "canceled" -> AttemptStatus.FAILED;
            default -> throw new IllegalArgumentException("unknown Twilio message status '" + status + "'");
        };
    }
}
