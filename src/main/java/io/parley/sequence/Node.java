package io.parley.sequence;

import io.parley.files.PlainTree;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping of the parsed tree (YAML or a JSON snapshot), read field by field with type checks. Unknown keys are
 * reported once, when the node is opened. Every failed read is reported and returns empty.
 */
final class Node {
    private final Map<?, ?> map;
    private final String path;
    private final Problems.Scope scope;

    private Node(Map<?, ?> map, String path, Problems.Scope scope) {
        this.map = map;
        this.path = path;
        this.scope = scope;
    }

    /** Opens a value as a mapping with the given keys; reports a non-mapping and every unknown key. */
    static Optional<Node> open(Object value, String path, Problems.Scope scope, List<String> allowed) {
        return PlainTree.mapping(value, path, allowed, scope::report).map(map -> new Node(map, path, scope));
    }

    static String describe(Object value) {
        return PlainTree.describe(value);
    }

    String path(String key) {
        return PlainTree.child(path, key);
    }

    Problems.Scope scope() {
        return scope;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    Optional<Object> value(String key, boolean required) {
        Object value = map.get(key);
        if (value == null && required) {
            scope.report(path(key), "is required");
        }
        return Optional.ofNullable(value);
    }

    Optional<String> text(String key, boolean required) {
        return value(key, required).flatMap(v -> {
            if (v instanceof String s && !s.isBlank()) {
                return Optional.of(s.trim());
            }
            scope.report(path(key), "must be a non-empty string, not " + describe(v));
            return Optional.empty();
        });
    }

    Optional<Integer> integer(String key, boolean required) {
        return value(key, required).flatMap(v -> {
            if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger) {
                BigInteger n = new BigInteger(v.toString());
                if (n.bitLength() < 32) {
                    return Optional.of(n.intValue());
                }
            }
            scope.report(path(key), "must be a whole number, not " + describe(v));
            return Optional.empty();
        });
    }

    Optional<List<?>> list(String key, boolean required) {
        return value(key, required).flatMap(v -> {
            if (v instanceof List<?> list) {
                return Optional.of(list);
            }
            scope.report(path(key), "must be a list, not " + describe(v));
            return Optional.empty();
        });
    }

    Optional<Node> node(String key, boolean required, List<String> allowed) {
        return value(key, required).flatMap(v -> open(v, path(key), scope, allowed));
    }

    /** The raw entries, for mappings whose keys are data (outcomes) rather than field names. */
    Map<?, ?> entries() {
        return map;
    }
}
