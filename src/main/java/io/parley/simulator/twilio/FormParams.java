package io.parley.simulator.twilio;

import io.vertx.core.MultiMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Form parameters as an immutable map of name to values, in the order they were sent. */
final class FormParams {
    private FormParams() {
    }

    static Map<String, List<String>> of(MultiMap form) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String name : form.names()) {
            params.put(name, form.getAll(name));
        }
        return copyOf(params);
    }

    static Map<String, List<String>> copyOf(Map<String, List<String>> params) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
