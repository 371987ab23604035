package io.parley.channel.voice.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Something that happened in a call's flow, for the case timeline: its kind (call.verified...) and details. */
public record FlowEvent(String kind, Map<String, Object> data) {
    public static final String MACHINE = "call.machine";
    public static final String VERIFIED = "call.verified";
    public static final String UNVERIFIED = "call.unverified";
    public static final String THIRD_PARTY = "call.third_party";
    public static final String DISCLOSURE = "call.disclosure";
    public static final String BALANCE = "call.balance_heard";
    public static final String INPUT_REFUSED = "call.input_refused";
    public static final String NO_INPUT = "call.no_input";
    public static final String GAVE_UP = "call.gave_up";
    public static final String PROMISE = "call.promise";
    public static final String OPTED_OUT = "call.opted_out";
    public static final String TRANSFERRED = "call.transferred";
    public static final String HUNG_UP = "call.hung_up";

    public FlowEvent {
        Objects.requireNonNull(kind, "kind");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    static FlowEvent of(String kind, Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new FlowEvent(kind, data);
    }
}
