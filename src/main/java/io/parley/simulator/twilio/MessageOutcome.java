package io.parley.simulator.twilio;

import java.util.List;
import java.util.Set;

/** The statuses a simulated outbound message passes through on its way to each possible ending. */
final class MessageOutcome {
    static final Set<String> SCENARIOS = Set.of("delivered", "undelivered", "failed");

    private MessageOutcome() {
    }

    /** The statuses after "queued": a failed message never leaves Twilio, an undelivered one is lost downstream. */
    static List<String> stepsTo(String finalStatus) {
        return switch (finalStatus) {
            case "failed" -> List.of("failed");
            case "undelivered" -> List.of("sent", "undelivered");
            default -> List.of("sent", "delivered");
        };
    }

    /** The error Twilio reports with a status: 30003 unreachable handset, 30008 unknown error. */
    static Integer errorCodeOf(String status) {
        return switch (status) {
            case "undelivered" -> 30003;
            case "failed" -> 30008;
            default -> null;
        };
    }
}
