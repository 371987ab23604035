package io.parley.sequence;

import io.parley.domain.CaseEventType;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A versioned multi-step contact plan. Running enrollments keep the version they started with.
 *
 * @param stopOn  case events that finish an enrollment of this sequence
 * @param pauseOn case events that pause it (resuming is the collection engine's call)
 * @param onBrokenPromise the step a paused enrollment goes on with when the debtor's promise to pay is broken; null =
 *                        the step it was paused at
 * @param experiment the champion/challenger experiment its enrollments are assigned an arm of; null = none
 */
public record SequenceDefinition(String name, int version, String description, List<Step> steps,
                                 Set<CaseEventType> stopOn, Set<CaseEventType> pauseOn, String onBrokenPromise,
                                 Experiment experiment) {

    public SequenceDefinition {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("sequence '" + name + "' has no steps");
        }
        if (version < 1) {
            throw new IllegalArgumentException("sequence '" + name + "' version must be positive: " + version);
        }
        stopOn = events(stopOn);
        pauseOn = events(pauseOn);
    }

    public SequenceDefinition(String name, int version, String description, List<Step> steps,
                              Set<CaseEventType> stopOn, Set<CaseEventType> pauseOn) {
        this(name, version, description, steps, stopOn, pauseOn, null, null);
    }

    public SequenceDefinition(String name, int version, String description, List<Step> steps,
                              Set<CaseEventType> stopOn, Set<CaseEventType> pauseOn, String onBrokenPromise) {
        this(name, version, description, steps, stopOn, pauseOn, onBrokenPromise, null);
    }

    /** The step with this id, in the sequence's steps or in an experiment variant's own (ids are unique across). */
    public Optional<Step> step(String id) {
        return allSteps().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The sequence's steps, then each experiment variant's own steps. */
    public List<Step> allSteps() {
        if (experiment == null) {
            return steps;
        }
        List<Step> all = new java.util.ArrayList<>(steps);
        experiment.variants().forEach(v -> all.addAll(v.steps()));
        return all;
    }

    /**
     * The definition an enrollment in this experiment arm runs: the variant's own steps (and its broken-promise
     * step) when it has them, else this definition (also for null or an arm no longer listed).
     */
    public SequenceDefinition arm(String variant) {
        if (experiment == null || variant == null) {
            return this;
        }
        return experiment.variant(variant).filter(Experiment.Variant::ownSteps)
                .map(v -> new SequenceDefinition(name, version, description, v.steps(), stopOn, pauseOn,
                        v.onBrokenPromise(), experiment))
                .orElse(this);
    }

    public Step first() {
        return steps.get(0);
    }

    /** The step after this one in the order of its list (the sequence's or its variant's); empty for the last. */
    public Optional<Step> after(Step step) {
        List<Step> list = steps.contains(step) || experiment == null ? steps : experiment.variants().stream()
                .map(Experiment.Variant::steps).filter(l -> l.contains(step)).findFirst().orElse(steps);
        int index = list.indexOf(step);
        if (index < 0) {
            throw new IllegalArgumentException("step '" + step.id() + "' is not part of " + label());
        }
        return index + 1 < list.size() ? Optional.of(list.get(index + 1)) : Optional.empty();
    }

    public boolean stopsOn(CaseEventType event) {
        return stopOn.contains(event);
    }

    public boolean pausesOn(CaseEventType event) {
        return pauseOn.contains(event);
    }

    /** True when some step is timed from the account's due date, so enrolling needs one. */
    public boolean needsDueDate() {
        return steps.stream().anyMatch(s -> s.timing().anchor() == Anchor.DUE_DATE);
    }

    /** "m1-early v3": how logs and messages name this definition. */
    public String label() {
        return name + " v" + version;
    }

    private static Set<CaseEventType> events(Set<CaseEventType> events) {
        return events == null || events.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(CaseEventType.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(events));
    }
}
