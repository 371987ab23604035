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

    public Optional<Step> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Step first() {
        return steps.get(0);
    }

    /** The step after this one in list order; empty for the last step. */
    public Optional<Step> after(Step step) {
        int index = steps.indexOf(step);
        if (index < 0) {
            throw new IllegalArgumentException("step '" + step.id() + "' is not part of " + label());
        }
        return index + 1 < steps.size() ? Optional.of(steps.get(index + 1)) : Optional.empty();
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
