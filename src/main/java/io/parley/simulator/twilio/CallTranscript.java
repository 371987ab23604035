package io.parley.simulator.twilio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What happened in one simulated call, in order: what the call said ({"said": ...}), what the callee keyed
 * ({"typed": ...}), numbers it dialled ({"dialed": ...}), the callee hanging up ({"hungUp": "callee"}), and
 * application errors ({"error": ...}).
 */
final class CallTranscript {
    private final List<Map<String, String>> entries = new ArrayList<>();

    synchronized void said(String text) {
        entries.add(Map.of("said", text));
    }

    synchronized void typed(String keys) {
        entries.add(Map.of("typed", keys));
    }

    synchronized void dialed(String number) {
        entries.add(Map.of("dialed", number));
    }

    synchronized void hungUp() {
        entries.add(Map.of("hungUp", "callee"));
    }

    synchronized void error(String what) {
        entries.add(Map.of("error", what));
    }

    synchronized List<Map<String, String>> entries() {
        return List.copyOf(entries);
    }

    synchronized JsonObject toJson(String sid) {
        JsonArray list = new JsonArray();
        entries.forEach(entry -> list.add(new JsonObject(new java.util.LinkedHashMap<>(entry))));
        return new JsonObject().put("sid", sid).put("entries", list);
    }
}
