package io.parley.simulator.twilio;

import java.util.List;
import java.util.Set;

/** The call statuses a simulated call can end in, and the progress event each status is reported under. */
final class CallOutcome {
    static final Set<String> FINAL = Set.of("completed", "busy", "no-answer", "failed", "canceled");
    static final Set<String> SCENARIOS = Set.of("completed", "busy", "no-answer", "failed");
    static final Set<String> ANSWERED_BY = Set.of("human", "machine_start", "machine_end_beep",
            "machine_end_silence", "machine_end_other", "fax", "unknown");

    private CallOutcome() {
    }

    static boolean isFinal(String status) {
        return FINAL.contains(status);
    }

    /** The statuses after "queued" on the way to an ending: busy and no-answer ring first, failed never rings. */
    static List<String> stepsTo(String finalStatus) {
        return switch (finalStatus) {
            case "failed" -> List.of("failed");
            case "busy" -> List.of("ringing", "busy");
            case "no-answer" -> List.of("ringing", "no-answer");
            default -> List.of("ringing", "in-progress", "completed");
        };
    }

    /** The StatusCallbackEvent name under which Twilio reports a status: every ending is a "completed" event. */
    static String eventOf(String status) {
        return switch (status) {
            case "queued" -> "initiated";
            case "ringing" -> "ringing";
            case "in-progress" -> "answered";
            default -> "completed";
        };
    }
}
