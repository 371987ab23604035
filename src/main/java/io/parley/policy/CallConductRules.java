package io.parley.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the packs in force ask of a call, the strictest of each winning: the disclosure and the second factor when
 * any pack asks for them, no voicemail when any pack forbids it, the shortest time ahead a promise may be dated.
 * What no pack states is Parley's default: no disclosure, a limited-content voicemail, no second factor, promises
 * up to {@value #DEFAULT_PROMISE_DAYS} days ahead; each is named by its pack, or {@link RuleCombiner#NO_PACK}.
 */
public record CallConductRules(Sourced<Boolean> disclosure, Sourced<CallConduct.Voicemail> voicemail,
                               Sourced<Boolean> secondFactor, Sourced<Integer> promiseWithinDays) {
    static final int DEFAULT_PROMISE_DAYS = 30;

    static CallConductRules combine(List<RulePack> packs) {
        Sourced<Boolean> disclosure = new Sourced<>(false, RuleCombiner.NO_PACK);
        Sourced<CallConduct.Voicemail> voicemail = new Sourced<>(CallConduct.Voicemail.LIMITED, RuleCombiner.NO_PACK);
        Sourced<Boolean> secondFactor = new Sourced<>(false, RuleCombiner.NO_PACK);
        Sourced<Integer> promise = new Sourced<>(DEFAULT_PROMISE_DAYS, RuleCombiner.NO_PACK);
        boolean promiseStated = false;
        for (RulePack pack : packs) {
            CallConduct call = pack.rulesFor(io.parley.domain.Channel.VOICE).map(ChannelRules::call)
                    .orElse(CallConduct.UNSTATED);
            if (Boolean.TRUE.equals(call.disclosure()) && !disclosure.value()) {
                disclosure = new Sourced<>(true, pack.id());
            }
            if (call.voicemail() != null && (voicemail.pack().equals(RuleCombiner.NO_PACK)
                    || call.voicemail() == CallConduct.Voicemail.NONE && voicemail.value() != call.voicemail())) {
                voicemail = new Sourced<>(call.voicemail(), pack.id());
            }
            if (Boolean.TRUE.equals(call.secondFactor()) && !secondFactor.value()) {
                secondFactor = new Sourced<>(true, pack.id());
            }
            if (call.promiseWithinDays() != null && (!promiseStated || call.promiseWithinDays() < promise.value())) {
                promise = new Sourced<>(call.promiseWithinDays(), pack.id());
                promiseStated = true;
            }
        }
        return new CallConductRules(disclosure, voicemail, secondFactor, promise);
    }

    /** The rules as decision facts: each value with the pack it comes from. */
    Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("disclosure", fact(disclosure.value(), disclosure.pack()));
        facts.put("voicemail", fact(voicemail.value().wire(), voicemail.pack()));
        facts.put("secondFactor", fact(secondFactor.value(), secondFactor.pack()));
        facts.put("promiseWithinDays", fact(promiseWithinDays.value(), promiseWithinDays.pack()));
        return Collections.unmodifiableMap(facts);
    }

    /** Reads the facts back (a channel reads them from the decision that allowed its attempt). */
    public static Optional<CallConductRules> fromFacts(Object facts) {
        if (!(facts instanceof Map<?, ?> map) || !map.keySet().containsAll(List.of("disclosure", "voicemail",
                "secondFactor", "promiseWithinDays"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CallConductRules(
                    new Sourced<>((Boolean) value(map, "disclosure"), pack(map, "disclosure")),
                    new Sourced<>(CallConduct.Voicemail.parse((String) value(map, "voicemail")), pack(map, "voicemail")),
                    new Sourced<>((Boolean) value(map, "secondFactor"), pack(map, "secondFactor")),
                    new Sourced<>(((Number) value(map, "promiseWithinDays")).intValue(),
                            pack(map, "promiseWithinDays"))));
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> fact(Object value, String pack) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("value", value);
        fact.put("pack", pack);
        return Collections.unmodifiableMap(fact);
    }

    private static Object value(Map<?, ?> facts, String key) {
        return ((Map<?, ?>) facts.get(key)).get("value");
    }

    private static String pack(Map<?, ?> facts, String key) {
        return (String) ((Map<?, ?>) facts.get(key)).get("pack");
    }
}
