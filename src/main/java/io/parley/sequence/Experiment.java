package io.parley.sequence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A champion/challenger experiment a sequence runs: its name (hashed with a case id to pick the arm, so a case
 * re-enrolled lands in the same arm) and its variants with their weights. In YAML:
 * <pre>
 * experiment:
 *   name: m1-2026-q1
 *   variants:
 *     - {name: champion, weight: 80}
 *     - name: challenger
 *       weight: 20
 *       steps: [...]               # optional: the arm's own steps (ids of their own); without: the sequence's
 *       onBrokenPromise: call-1    # optional, one of its own steps
 * </pre>
 * An enrollment runs the steps of its arm. Every arm is held by the same compliance policy: the policy reads the step
 * and the debtor, never the variant.
 */
public record Experiment(String name, List<Variant> variants) {
    static final List<String> FIELDS = List.of("name", "variants");
    static final List<String> VARIANT_FIELDS = List.of("name", "weight", "steps", "onBrokenPromise");

    /**
     * An arm: its name, its weight, and its own steps (empty: it runs the sequence's steps) with the step a broken
     * promise resumes at (null: where it was paused).
     */
    public record Variant(String name, int weight, List<Step> steps, String onBrokenPromise) {
        public Variant {
            Objects.requireNonNull(name, "name");
            steps = List.copyOf(steps);
        }

        public Variant(String name, int weight) {
            this(name, weight, List.of(), null);
        }

        public boolean ownSteps() {
            return !steps.isEmpty();
        }
    }

    public Experiment {
        Objects.requireNonNull(name, "name");
        variants = List.copyOf(variants);
    }

    public Optional<Variant> variant(String variantName) {
        return variants.stream().filter(v -> v.name().equals(variantName)).findFirst();
    }

    /**
     * Reads the experiment of a sequence; stepList reads a variant's step list (the variant's node, its path).
     */
    static Optional<Experiment> parse(Node root, Problems problems, BiFunction<Node, String, List<Step>> stepList) {
        if (!root.has("experiment")) {
            return Optional.empty();
        }
        Node node = root.node("experiment", true, FIELDS).orElse(null);
        if (node == null) {
            return Optional.empty();
        }
        Optional<String> name = node.text("name", true).filter(text -> StepParser.checkName(node, "name", text));
        List<?> raw = node.list("variants", true).orElse(List.of());
        if (node.has("variants") && raw.size() < 2) {
            problems.top().report("experiment.variants", "must list at least two variants (a champion and a challenger)");
        }
        List<Variant> variants = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            int index = i;
            Node.open(raw.get(i), "experiment.variants[" + i + "]", problems.top(), VARIANT_FIELDS).ifPresent(v -> {
                Optional<String> vName = v.text("name", true).filter(text -> StepParser.checkName(v, "name", text));
                Optional<Integer> weight = v.integer("weight", true).filter(w -> {
                    if (w < 1) {
                        problems.top().report("experiment.variants[" + index + "].weight", w + " is not a weight "
                                + "(a whole number, 1 or more)");
                    }
                    return w >= 1;
                });
                vName.ifPresent(n -> {
                    if (!seen.add(n)) {
                        problems.top().report("experiment.variants[" + index + "].name", "'" + n + "' is listed twice");
                    }
                });
                String path = "experiment.variants[" + index + "]";
                List<Step> steps = v.has("steps") ? stepList.apply(v, path) : List.of();
                Optional<String> broken = v.has("onBrokenPromise") ? v.text("onBrokenPromise", true).filter(id -> {
                    boolean own = steps.stream().anyMatch(s -> s.id().equals(id));
                    if (!own) {
                        problems.top().report(path + ".onBrokenPromise", "'" + id + "' is not one of this variant's "
                                + "own steps");
                    }
                    return own;
                }) : Optional.empty();
                if (vName.isPresent() && weight.isPresent()) {
                    variants.add(new Variant(vName.get(), weight.get(), steps, broken.orElse(null)));
                }
            });
        }
        return name.filter(n -> variants.size() >= 2).map(n -> new Experiment(n, variants));
    }

    Map<String, Object> toTree(Function<Step, Map<String, Object>> stepTree) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", name);
        tree.put("variants", variants.stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            m.put("weight", v.weight());
            if (v.ownSteps()) {
                m.put("steps", v.steps().stream().map(stepTree).toList());
            }
            if (v.onBrokenPromise() != null) {
                m.put("onBrokenPromise", v.onBrokenPromise());
            }
            return m;
        }).toList());
        return tree;
    }
}
