package io.parley.policy;

import io.parley.files.PlainTree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One mapping of a rule pack file with its field path: typed reads that report what is missing or malformed, and
 * refuse fields the format does not know.
 */
final class PackNode {
    private final Map<?, ?> fields;
    private final String path;
    private final PackProblems problems;

    private PackNode(Map<?, ?> fields, String path, PackProblems problems) {
        this.fields = fields;
        this.path = path;
        this.problems = problems;
    }

    /** The value at path as a mapping with only the known fields; empty (and reported) when it is not one. */
    static Optional<PackNode> open(Object value, String path, PackProblems problems, Collection<String> known) {
        return PlainTree.mapping(value, path, known, problems::report).map(map -> new PackNode(map, path, problems));
    }

    PackProblems problems() {
        return problems;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return PlainTree.child(path, key);
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    Set<?> keys() {
        return fields.keySet();
    }

    void report(String key, String message) {
        problems.report(path(key), message);
    }

    /** The field's value; reported when required and absent, or present without a value. */
    Optional<Object> value(String key, boolean required) {
        if (!fields.containsKey(key)) {
            if (required) {
                report(key, "is required");
            }
            return Optional.empty();
        }
        Object value = fields.get(key);
        if (value == null) {
            report(key, "has no value");
        }
        return Optional.ofNullable(value);
    }

    Optional<String> text(String key, boolean required) {
        return value(key, required).flatMap(value -> text(value, path(key)));
    }

    /** The field's text parsed by parse, which throws IllegalArgumentException saying what it expects. */
    <T> Optional<T> parsed(String key, boolean required, Function<String, T> parse) {
        return text(key, required).flatMap(text -> {
            try {
                return Optional.of(parse.apply(text));
            } catch (IllegalArgumentException e) {
                report(key, e.getMessage());
                return Optional.empty();
            }
        });
    }

    Optional<Integer> integer(String key, boolean required) {
        return value(key, required).flatMap(value -> {
            if (value instanceof Integer number) {
                return Optional.of(number);
            }
            report(key, "must be a whole number, not " + describe(value));
            return Optional.empty();
        });
    }

    /** An optional true or false; empty when absent (a value of another type is reported). */
    Optional<Boolean> flag(String key) {
        return value(key, false).flatMap(value -> {
            if (value instanceof Boolean flag) {
                return Optional.of(flag);
            }
            report(key, "must be true or false, not " + describe(value));
            return Optional.empty();
        });
    }

    Optional<List<?>> list(String key, boolean required) {
        return value(key, required).flatMap(value -> {
            if (value instanceof List<?> list) {
                return Optional.of(list);
            }
            report(key, "must be a list, not " + describe(value));
            return Optional.empty();
        });
    }

    /**
     * A list of distinct values, each parsed by parse (which throws IllegalArgumentException naming what it
     * expects). Every bad or repeated item is reported at its index; empty when absent.
     */
    <T> Set<T> set(String key, boolean required, boolean nonEmpty, Function<String, T> parse) {
        Set<T> values = new LinkedHashSet<>();
        list(key, required).ifPresent(items -> {
            if (nonEmpty && items.isEmpty()) {
                report(key, "must list at least one value");
            }
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path(key) + "[" + i + "]";
                text(items.get(i), itemPath).ifPresent(text -> {
                    try {
                        if (!values.add(parse.apply(text))) {
                            problems.report(itemPath, "'" + text + "' is listed twice");
                        }
                    } catch (IllegalArgumentException e) {
                        problems.report(itemPath, e.getMessage());
                    }
                });
            }
        });
        return values;
    }

    /** The items of a list of mappings, each with its own path; non-mappings are reported. */
    List<PackNode> nodes(String key, Collection<String> known) {
        List<PackNode> nodes = new ArrayList<>();
        list(key, false).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                open(items.get(i), path(key) + "[" + i + "]", problems, known).ifPresent(nodes::add);
            }
        });
        return nodes;
    }

    private Optional<String> text(Object value, String at) {
        if (value instanceof String text && !text.isBlank()) {
            return Optional.of(text);
        }
        problems.report(at, value instanceof String ? "must not be blank" : "must be text, not " + describe(value)
                + (value instanceof Boolean ? " (quote it if it is meant as text, e.g. \"NO\" for Norway)" : ""));
        return Optional.empty();
    }

    static String describe(Object value) {
        return PlainTree.describe(value);
    }
}
