package io.parley.sequence;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.CaseEventType;
import io.parley.domain.Channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes a definition as the tree of maps and lists that the parser reads (fields in file order, defaults left out). */
final class SequenceTree {
    private SequenceTree() {
    }

    static Map<String, Object> of(SequenceDefinition definition) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", definition.name());
        tree.put("version", definition.version());
        if (!definition.description().isEmpty()) {
            tree.put("description", definition.description());
        }
        tree.put("stopOn", events(definition.stopOn()));
        if (!definition.pauseOn().isEmpty()) {
            tree.put("pauseOn", events(definition.pauseOn()));
        }
        if (definition.onBrokenPromise() != null) {
            tree.put("onBrokenPromise", definition.onBrokenPromise());
        }
        tree.put("steps", definition.steps().stream().map(SequenceTree::step).toList());
        if (definition.experiment() != null) {
            tree.put("experiment", definition.experiment().toTree(SequenceTree::step));
        }
        return tree;
    }

    private static Map<String, Object> step(Step step) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("id", step.id());
        tree.put("channel", step.channel().wire());
        tree.put("template", step.template());
        tree.put("at", timing(step.timing()));
        if (!step.skipIf().isEmpty()) {
            tree.put("skipIf", step.skipIf().stream().map(SkipCondition::wire).toList());
        }
        if (step.retry().max() > 0) {
            tree.put("retry", Map.of("max", step.retry().max(), "backoff", WireValues.format(step.retry().backoff())));
        }
        if (!step.fallback().isEmpty()) {
            tree.put("fallback", step.fallback().stream()
                    .map(f -> Map.of("channel", f.channel().wire(), "template", f.template())).toList());
        }
        if (step.voicemail() != null) {
            tree.put("voicemail", step.voicemail());
        }
        if (step.audience() != Audience.BORROWER) {
            tree.put("audience", step.audience().wire());
        }
        if (!step.on().isEmpty()) {
            Map<String, Object> on = new LinkedHashMap<>();
            step.on().forEach((AttemptOutcome outcome, String target) -> on.put(outcome.wire(), target));
            tree.put("on", on);
        }
        return tree;
    }

    private static Map<String, Object> timing(Timing timing) {
        Map<String, Object> at = new LinkedHashMap<>();
        at.put("anchor", timing.anchor().wire());
        if (timing instanceof Timing.AfterDelay delay) {
            at.put("after", WireValues.format(delay.delay()));
        } else if (timing instanceof Timing.LocalTimeOfDay local) {
            at.put("days", local.days());
            at.put("localTime", WireValues.format(local.time()));
        }
        return at;
    }

    private static List<String> events(Set<CaseEventType> events) {
        return events.stream().map(CaseEventType::wire).toList();
    }
}
