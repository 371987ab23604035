package io.parley.channel.voice.store;

import io.parley.channel.voice.flow.CallRules;
import io.parley.channel.voice.flow.CallStage;
import io.parley.channel.voice.flow.CallState;
import io.parley.template.CallScript;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A call's script, rules and flow state as the voice_call row keeps them (JSON). */
final class CallRecords {
    private CallRecords() {
    }

    static JsonObject script(CallScript s) {
        return new JsonObject().put("locale", s.locale()).put("voice", s.voice()).put("language", s.language())
                .put("currency", s.currency().getCurrencyCode()).put("prompts", new JsonObject(
                        new LinkedHashMap<>(s.prompts()))).put("secondFactorAnswer", s.secondFactorAnswer());
    }

    static CallScript script(JsonObject j) {
        Map<String, String> prompts = new LinkedHashMap<>();
        j.getJsonObject("prompts").forEach(e -> prompts.put(e.getKey(), String.valueOf(e.getValue())));
        return new CallScript(j.getString("locale"), j.getString("voice"), j.getString("language"),
                Currency.getInstance(j.getString("currency")), prompts, j.getString("secondFactorAnswer"));
    }

    static JsonObject rules(CallRules r) {
        return new JsonObject().put("disclosure", r.disclosure()).put("voicemail", r.voicemail())
                .put("voicemailAllowed", r.voicemailAllowed()).put("voicemailRule", r.voicemailRule())
                .put("secondFactor", r.secondFactor()).put("promiseWithinDays", r.promiseWithinDays())
                .put("zone", r.zone().getId()).put("agentNumber", r.agentNumber());
    }

    static CallRules rules(JsonObject j) {
        return new CallRules(j.getBoolean("disclosure"), j.getString("voicemail"), j.getBoolean("voicemailAllowed"),
                j.getString("voicemailRule"), j.getBoolean("secondFactor"), j.getInteger("promiseWithinDays"),
                ZoneId.of(j.getString("zone")), j.getString("agentNumber"));
    }

    static JsonObject state(CallState s) {
        return new JsonObject().put("stage", s.stage().name()).put("turn", s.turn()).put("misses", s.misses())
                .put("answeredBy", s.answeredBy())
                .put("facts", new JsonArray(s.facts().stream().map(Enum::name).sorted().toList()))
                .put("amount", s.amount() == null ? null : s.amount().toPlainString())
                .put("date", s.date() == null ? null : s.date().toString());
    }

    static CallState state(JsonObject j) {
        Set<CallState.Fact> facts = EnumSet.noneOf(CallState.Fact.class);
        j.getJsonArray("facts").forEach(f -> facts.add(CallState.Fact.valueOf(String.valueOf(f))));
        return new CallState(CallStage.valueOf(j.getString("stage")), j.getInteger("turn"), j.getInteger("misses"),
                j.getString("answeredBy"), facts,
                j.getString("amount") == null ? null : new BigDecimal(j.getString("amount")),
                j.getString("date") == null ? null : LocalDate.parse(j.getString("date")));
    }
}
