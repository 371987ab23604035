package io.parley.files;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The plain tree a definition parses into (maps, lists, strings, numbers and booleans, from YAML or a JSON snapshot):
 * field paths, how a value is named in an error, and opening a value as a mapping of known fields.
 */
public final class PlainTree {
    private PlainTree() {
    }

    /** The path of a field: key itself at the top (path empty), else "path.key". */
    public static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A value as an error names it: nothing, a mapping, a list, 'text', or the number or boolean. */
    public static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String text) {
            return "'" + text + "'";
        }
        return value.toString();
    }

    /**
     * The value at path as a mapping, or empty when it is not one. Reports (field path, message) a value that is not
     * a mapping, and every key that is not one of the allowed fields.
     */
    public static Optional<Map<?, ?>> mapping(Object value, String path, Collection<String> allowed,
                                              BiConsumer<String, String> report) {
        if (!(value instanceof Map<?, ?> map)) {
            report.accept(path, "must be a mapping with fields " + String.join(", ", allowed) + ", not "
                    + describe(value));
            return Optional.empty();
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || !allowed.contains(name)) {
                report.accept(child(path, String.valueOf(key)),
                        "unknown field (expected one of " + String.join(", ", allowed) + ")");
            }
        }
        return Optional.of(map);
    }
}
