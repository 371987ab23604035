package io.parley.simulator.twilio;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters Twilio posts about a call: to its TwiML Url when answered, and to its StatusCallback. */
record CallReport(CallResource call, int sequenceNumber, Instant at) {

    static CallReport of(CallResource call, int sequenceNumber, Instant at) {
        return new CallReport(call, sequenceNumber, at);
    }

    /** What the TwiML Url receives: who is calling whom, and the call's status. */
    Map<String, String> instructionParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", call.accountSid());
        params.put("ApiVersion", MessageResource.API_VERSION);
        params.put("CallSid", call.sid());
        params.put("CallStatus", call.status());
        params.put("Called", call.to());
        params.put("Caller", call.from());
        params.put("Direction", "outbound-api");
        params.put("From", call.from());
        params.put("To", call.to());
        if (call.answeredBy() != null) {
            params.put("AnsweredBy", call.answeredBy());
        }
        return params;
    }

    /** What the StatusCallback receives: the above plus the event's place in the sequence and, at the end, times. */
    Map<String, String> statusParams() {
        Map<String, String> params = instructionParams();
        params.put("CallbackSource", "call-progress-events");
        params.put("SequenceNumber", Integer.toString(sequenceNumber));
        params.put("Timestamp", Rfc2822.format(at));
        if (CallOutcome.isFinal(call.status())) {
            long seconds = call.durationSeconds();
            params.put("CallDuration", Long.toString(seconds));
            params.put("Duration", Long.toString((seconds + 59) / 60));
        }
        return params;
    }
}
