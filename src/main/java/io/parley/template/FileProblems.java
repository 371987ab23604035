package io.parley.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Collects the problems of one template file, each naming the file and the field, with typed field readers. */
record FileProblems(String name, List<TemplateProblem> problems) {

    void add(String field, String message) {
        problems.add(new TemplateProblem(name, field, message));
    }

    /** Reports every key of the mapping that is not allowed, naming the allowed ones. */
    void unknownKeys(JsonNode mapping, String prefix, List<String> allowed) {
        mapping.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                add(prefix + key, "unknown key (allowed: " + String.join(", ", allowed) + ")");
            }
        });
    }

    /** A required non-blank text field, or null after reporting it. */
    String text(JsonNode mapping, String key) {
        JsonNode value = mapping.get(key);
        if (value == null || value.isNull()) {
            add(key, "required");
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            add(key, "must be non-empty text");
            return null;
        }
        return value.asText().strip();
    }

    /** An optional boolean field, false when absent. */
    boolean flag(JsonNode mapping, String key) {
        JsonNode value = mapping.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            add(key, "must be true or false");
            return false;
        }
        return value.booleanValue();
    }
}
