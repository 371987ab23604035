package io.parley.simulator.twilio;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A call create the simulator accepted: the sid it gave, the form parameters as sent, and when it came in. */
public record SimulatedCall(String sid, Map<String, List<String>> params, Instant receivedAt) {
    public SimulatedCall {
        params = FormParams.copyOf(params);
    }

    /** The first value of a form parameter, or null when it was not sent. */
    public String param(String name) {
        return FormParams.first(params, name);
    }
}
