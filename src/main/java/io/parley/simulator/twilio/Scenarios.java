package io.parley.simulator.twilio;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** How each destination number answers: how its messages end and how its calls end. */
final class Scenarios {
    private final Map<String, String> messageOutcomes = new ConcurrentHashMap<>();
    private final Map<String, String> callOutcomes = new ConcurrentHashMap<>();
    private final Map<String, String> answeredBy = new ConcurrentHashMap<>();
    private final Map<String, CalleeScript> callees = new ConcurrentHashMap<>();

    void outcomeFor(String to, String finalStatus) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("scenario 'to' number is missing");
        }
        String status = finalStatus == null ? "" : finalStatus.trim().toLowerCase(Locale.ROOT);
        boolean forMessages = MessageOutcome.SCENARIOS.contains(status);
        boolean forCalls = CallOutcome.SCENARIOS.contains(status);
        if (!forMessages && !forCalls) {
            throw new IllegalArgumentException("unknown final status '" + finalStatus + "' for " + to
                    + " (messages: delivered, undelivered, failed; calls: completed, busy, no-answer, failed)");
        }
        if (forMessages) {
            messageOutcomes.put(to, status);
        }
        if (forCalls) {
            callOutcomes.put(to, status);
            callees.computeIfPresent(to, (k, script) -> new CalleeScript(to, script.answeredBy(), status,
                    script.digits()));
        }
    }

    void answeredBy(String to, String who) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("scenario 'to' number is missing");
        }
        if (!CallOutcome.ANSWERED_BY.contains(who)) {
            throw new IllegalArgumentException("unknown AnsweredBy '" + who + "' for " + to
                    + " (expected one of " + String.join(", ", new TreeSet<>(CallOutcome.ANSWERED_BY))
                    + ")");
        }
        answeredBy.put(to, who);
        callees.computeIfPresent(to, (k, script) -> new CalleeScript(to, who, script.status(), script.digits()));
    }

    /** How the callee at a number behaves on every call to it from now on: who answers, the ending, the keys. */
    void callee(CalleeScript script) {
        callOutcomes.put(script.to(), script.status());
        answeredBy.put(script.to(), script.answeredBy());
        callees.put(script.to(), script);
    }

    /** The callee at a number: as scripted, or as the call scenarios say, keying nothing. */
    CalleeScript callee(String to) {
        CalleeScript scripted = callees.get(to);
        return scripted != null ? scripted : new CalleeScript(to, answeredBy(to), callOutcome(to), java.util.List.of());
    }

    /** Who picks up calls to a number when machine detection runs: a person unless the scenario says otherwise. */
    String answeredBy(String to) {
        return answeredBy.getOrDefault(to, "human");
    }

    String messageOutcome(String to) {
        return messageOutcomes.getOrDefault(to, "delivered");
    }

    String callOutcome(String to) {
        return callOutcomes.getOrDefault(to, "completed");
    }

    void clear() {
        messageOutcomes.clear();
        callOutcomes.clear();
        answeredBy.clear();
        callees.clear();
    }
}
