package io.parley.simulator.twilio;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a call create asked for that shapes the simulated call: its instructions, callbacks and detection. */
record CallRequest(String url, String twiml, String statusCallback, Set<String> statusCallbackEvents,
                   String machineDetection) {

    /** Without StatusCallbackEvent, Twilio reports only the completed event. */
    static final Set<String> DEFAULT_EVENTS = Set.of("completed");

    static CallRequest of(String url, String twiml, String statusCallback, List<String> events,
                          String machineDetection) {
        Set<String> requested = events.stream()
                .flatMap(e -> List.of(e.split("[ ,]")).stream())
                .map(e -> e.trim().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new CallRequest(url, twiml, statusCallback, requested.isEmpty() ? DEFAULT_EVENTS : requested,
                machineDetection);
    }

    boolean detectsMachine() {
        return machineDetection != null && !machineDetection.isBlank();
    }
}
