package io.parley.channel.voice;

import io.parley.channel.Outbound;
import io.parley.channel.voice.flow.CallRules;
import io.parley.policy.CallConduct;
import io.parley.policy.CallConductRules;
import io.parley.policy.Sourced;
import io.parley.template.VoiceScript;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The rules one call must respect, from what dispatch hands over: the call rules of the decision that allowed it
 * (the packs' disclosure, voicemail, second factor, promise horizon), the step's voicemail, the debtor's first
 * candidate zone, and this sender's agents. Without the decision's call rules, the strictest reading: disclosure,
 * no voicemail.
 */
final class CallRulesFrom {
    private static final CallConductRules STRICT = new CallConductRules(new Sourced<>(true, "voice"),
            new Sourced<>(CallConduct.Voicemail.NONE, "voice"), new Sourced<>(false, "voice"),
            new Sourced<>(30, "voice"));

    private CallRulesFrom() {
    }

    static CallRules of(Outbound outbound, String agentNumber) {
        CallConductRules call = CallConductRules.fromFacts(outbound.decision().get("call")).orElse(STRICT);
        String voicemail = outbound.voicemail() instanceof VoiceScript message ? message.text() : null;
        return new CallRules(call.disclosure().value(), voicemail,
                call.voicemail().value() == CallConduct.Voicemail.LIMITED,
                call.voicemail().pack() + "/voice/voicemail", call.secondFactor().value(),
                call.promiseWithinDays().value(), zone(outbound.decision()), agentNumber);
    }

    /** The first candidate zone the decision names (the explicit zone when there is one). */
    private static ZoneId zone(Map<String, Object> decision) {
        if (decision.get("zones") instanceof List<?> zones && !zones.isEmpty()
                && zones.get(0) instanceof Map<?, ?> first && first.get("zone") instanceof String id) {
            return ZoneId.of(id);
        }
        return ZoneOffset.UTC;
    }
}
