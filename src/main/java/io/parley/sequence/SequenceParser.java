package io.parley.sequence;

import io.parley.domain.CaseEventType;
import io.parley.files.DefinitionYaml;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates sequence definitions: from YAML files, or from an already-parsed tree such as a JSON snapshot
 * stored with an enrollment. Validation is strict and complete: every error of a source is collected into one
 * {@link SequenceDefinitionException}. Thread-safe.
 */
public final class SequenceParser {
    static final List<String> FIELDS = List.of("name", "version", "description", "stopOn", "pauseOn", "onBrokenPromise",
            "steps", "experiment");

    private final BranchOutcomes outcomes;

    /** A parser for steps that branch on the common outcomes only. */
    public SequenceParser() {
        this(BranchOutcomes.common());
    }

    /** A parser for steps that branch on the outcomes their channel's module adds too. */
    public SequenceParser(BranchOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    /** Parses one YAML document; source names it in errors (usually the file path). */
    public SequenceDefinition parseYaml(String source, String yamlText) {
        return parseTree(source, DefinitionYaml.tree(source, yamlText, SequenceDefinitionException::new));
    }

    /** Validates an already-parsed tree (maps, lists, strings and numbers, as Jackson or Vert.x produce them). */
    public SequenceDefinition parse(String source, Map<String, Object> tree) {
        return parseTree(source, tree);
    }

    /** The tree that {@link #parse} turns back into an equal definition: how definitions are snapshotted as JSON. */
    public Map<String, Object> toTree(SequenceDefinition definition) {
        return SequenceTree.of(definition);
    }

    private SequenceDefinition parseTree(String source, Object tree) {
        Problems problems = new Problems(source);
        if (tree == null) {
            problems.top().report("is empty: expected a sequence with fields " + String.join(", ", FIELDS));
            problems.throwIfAny();
        }
        Node root = Node.open(tree, "", problems.top(), FIELDS).orElse(null);
        if (root == null) {
            problems.throwIfAny();
        }
        Optional<String> name = root.text("name", true).filter(text -> StepParser.checkName(root, "name", text));
        Optional<Integer> version = root.integer("version", true).filter(v -> {
            if (v < 1) {
                problems.top().report("version", v + " is not a positive version number");
            }
            return v >= 1;
        });
        Optional<String> description = root.has("description") ? root.text("description", true) : Optional.of("");
        Set<CaseEventType> stopOn = events(root, "stopOn", true);
        Set<CaseEventType> pauseOn = events(root, "pauseOn", false);
        for (CaseEventType both : stopOn) {
            if (pauseOn.contains(both)) {
                problems.top().report("pauseOn", "'" + both.wire() + "' is also in stopOn; an event either stops"
                        + " or pauses the sequence");
            }
        }
        List<Step> steps = steps(root, "", problems);
        Optional<String> brokenPromise = root.has("onBrokenPromise") ? root.text("onBrokenPromise", true)
                .filter(id -> {
                    boolean known = steps.stream().anyMatch(s -> s.id().equals(id));
                    if (!known) {
                        problems.top().report("onBrokenPromise", "'" + id + "' is not a step of this sequence");
                    }
                    return known;
                }) : Optional.empty();
        Optional<Experiment> experiment = Experiment.parse(root, problems, (node, path) -> steps(node, path, problems));
        experiment.ifPresent(x -> StepIds.checkUniqueAcrossArms(steps, x, problems));
        if (!problems.isEmpty()) {
            problems.throwIfAny();
        }
        var definition = new SequenceDefinition(name.orElseThrow(), version.orElseThrow(), description.orElseThrow(),
                steps, stopOn, pauseOn, brokenPromise.orElse(null), experiment.orElse(null));
        new SequenceGraph(definition, outcomes).check(problems);
        if (definition.experiment() != null) {
            definition.experiment().variants().stream().filter(Experiment.Variant::ownSteps)
                    .forEach(v -> new SequenceGraph(definition.arm(v.name()), outcomes).check(problems));
        }
        problems.throwIfAny();
        return definition;
    }

    private static Set<CaseEventType> events(Node root, String key, boolean required) {
        Set<CaseEventType> events = EnumSet.noneOf(CaseEventType.class);
        root.list(key, required).ifPresent(list -> {
            if (required && list.isEmpty()) {
                root.scope().report(key, "must list at least one event (e.g. payment_received)");
            }
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                String path = key + "[" + i + "]";
                try {
                    if (!(item instanceof String text)) {
                        throw new IllegalArgumentException("must be a string, not " + Node.describe(item));
                    }
                    if (!events.add(CaseEventType.parse(text))) {
                        root.scope().report(path, "'" + text + "' is listed twice");
                    }
                } catch (IllegalArgumentException e) {
                    root.scope().report(path, e.getMessage());
                }
            }
        });
        return events;
    }

    /** A list of steps under "steps" of this node; where: the node's path ("" at the top, else a variant's). */
    private List<Step> steps(Node root, String where, Problems problems) {
        List<?> raw = root.list("steps", true).orElse(List.of());
        if (root.has("steps") && raw.isEmpty()) {
            problems.top().report(where.isEmpty() ? "steps" : where + ".steps", "must list at least one step");
        }
        Map<String, Integer> firstUse = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Object id = raw.get(i) instanceof Map<?, ?> map ? map.get("id") : null;
            boolean named = id instanceof String s && WireValues.NAME.matcher(s).matches() && !Step.END.equals(s);
            labels.add((where.isEmpty() ? "" : where + " ") + (named ? "step '" + id + "'" : "step #" + (i + 1)));
            if (named && firstUse.putIfAbsent((String) id, i + 1) != null) {
                problems.step(labels.get(i)).report("id", "duplicate step id: steps #" + firstUse.get(id)
                        + " and #" + (i + 1) + " are both '" + id + "'");
            }
        }
        StepParser parser = new StepParser(new LinkedHashSet<>(firstUse.keySet()), outcomes);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            parser.parse(raw.get(i), problems.step(labels.get(i))).ifPresent(steps::add);
        }
        return steps;
    }
}
