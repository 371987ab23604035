package io.parley.sequence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps of a sequence as a graph: each step leads to its branch targets and, unless it branches on every
 * outcome, to the next step in order. Checks that every step can be reached and that no loop runs without waiting.
 */
final class SequenceGraph {
    private final SequenceDefinition definition;
    private final BranchOutcomes outcomes;

    SequenceGraph(SequenceDefinition definition, BranchOutcomes outcomes) {
        this.definition = definition;
        this.outcomes = outcomes;
    }

    /** The steps that may run right after this one settled. */
    List<Step> successors(Step step) {
        Set<Step> next = new LinkedHashSet<>();
        for (String target : step.on().values()) {
            definition.step(target).ifPresent(next::add);
        }
        if (!step.branchesOnEvery(outcomes.of(step.channel()))) {
            definition.after(step).ifPresent(next::add);
        }
        return List.copyOf(next);
    }

    void check(Problems problems) {
        Set<Step> reached = reachable();
        for (Step step : definition.steps()) {
            if (!reached.contains(step)) {
                problems.step("step '" + step.id() + "'").report(
                        "is never reached: no step leads to it in order or through 'on'");
            }
        }
        for (List<Step> loop : loopsWithoutWaiting()) {
            problems.top().report("steps", loop.stream().map(s -> "'" + s.id() + "'")
                    .collect(Collectors.joining(" -> ")) + " can loop forever without waiting; anchor one of them"
                    + " on 'previous' with a positive 'after' or with 'days' of 1 or more");
        }
    }

    private Set<Step> reachable() {
        Set<Step> reached = new HashSet<>();
        Deque<Step> queue = new ArrayDeque<>(List.of(definition.first()));
        while (!queue.isEmpty()) {
            Step step = queue.removeFirst();
            if (reached.add(step)) {
                queue.addAll(successors(step));
            }
        }
        return reached;
    }

    /** Loops made only of steps that may fall due at once after their predecessor: one loop per entry step found. */
    private List<List<Step>> loopsWithoutWaiting() {
        List<List<Step>> loops = new ArrayList<>();
        Set<Step> done = new HashSet<>();
        for (Step step : definition.steps()) {
            if (!step.timing().waitsAfterPrevious()) {
                search(step, new ArrayList<>(), done, loops);
            }
        }
        return loops;
    }

    private void search(Step step, List<Step> path, Set<Step> done, List<List<Step>> loops) {
        int index = path.indexOf(step);
        if (index >= 0) {
            List<Step> loop = new ArrayList<>(path.subList(index, path.size()));
            loop.add(step);
            loops.add(loop);
            return;
        }
        if (done.contains(step)) {
            return;
        }
        path.add(step);
        for (Step next : successors(step)) {
            if (!next.timing().waitsAfterPrevious()) {
                search(next, path, done, loops);
            }
        }
        path.remove(path.size() - 1);
        done.add(step);
    }
}
