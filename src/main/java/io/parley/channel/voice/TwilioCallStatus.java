package io.parley.channel.voice;

import io.parley.channel.voice.flow.CallState;
import io.parley.domain.AttemptStatus;

import java.util.Locale;
import java.util.Set;

/**
 * Twilio's call statuses as attempt statuses. Until it ends a call is queued (queued, initiated) or sent (ringing,
 * in progress). At its end: delivered when something was said to someone (a person answered, or a voicemail was
 * left), undelivered when nothing was (busy, no answer, a machine hung up on), failed when the call failed or was
 * canceled.
 */
final class TwilioCallStatus {
    static final Set<String> FINAL = Set.of("completed", "busy", "no-answer", "failed", "canceled");
    private static final Set<String> ALL = Set.of("queued", "initiated", "ringing", "in-progress", "completed",
            "busy", "no-answer", "failed", "canceled");

    private TwilioCallStatus() {
    }

    /** The status Twilio sent, in lower case; IllegalArgumentException for one it does not document. */
    static String parse(String status) {
        String s = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        if (!ALL.contains(s)) {
            throw new IllegalArgumentException("unknown Twilio call status '" + status + "'");
        }
        return s;
    }

    static boolean isFinal(String status) {
        return FINAL.contains(status);
    }

    /** The attempt status of a call in this status, its flow having come to this state. */
    static AttemptStatus toAttemptStatus(String status, CallState state) {
        return switch (status) {
            case "queued", "initiated" -> AttemptStatus.QUEUED;
            case "ringing", "in-progress" -> AttemptStatus.SENT;
            case "completed" -> state.machine() && !state.has(CallState.Fact.VOICEMAIL_LEFT)
                    ? AttemptStatus.UNDELIVERED : AttemptStatus.DELIVERED;
            case "busy", "no-answer" -> AttemptStatus.UNDELIVERED;
            default -> AttemptStatus.FAILED;
        };
    }
}
