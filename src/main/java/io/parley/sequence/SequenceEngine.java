package io.parley.sequence;

import io.parley.domain.AttemptOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides what an enrollment runs next and when. Pure and stateless: everything it needs (definition, clock,
 * outcome, facts) comes in as arguments, and time only from the instants given.
 */
public final class SequenceEngine {
    private static final Logger log = LoggerFactory.getLogger(SequenceEngine.class);

    /** The first step of a new enrollment and when it falls due. */
    public Plan start(SequenceDefinition definition, EnrollmentClock clock) {
        Step first = definition.first();
        return new Plan.RunStep(first, DueTimes.dueAt(definition, first, clock.enrolledAt(), clock), 0);
    }

    /**
     * What follows a settled attempt of a step: a retry of a FAILED attempt while retries are left (due settledAt plus
     * the backoff), otherwise the step's branch for the outcome, otherwise the next step in order, otherwise finish.
     *
     * @param retriesUsed how many retries of this step have already run (0 after its first attempt)
     */
    public Plan next(SequenceDefinition definition, String stepId, AttemptOutcome outcome, int retriesUsed,
                     Instant settledAt, EnrollmentClock clock) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(settledAt, "settledAt");
        Step step = definition.step(stepId).orElseThrow(() -> new IllegalArgumentException(
                "sequence " + definition.label() + " has no step '" + stepId + "'"));
        if (outcome == AttemptOutcome.FAILED && step.retry().allowsRetry(retriesUsed)) {
            log.debug("{}: step '{}' failed, retry {} of {}", definition.label(), stepId, retriesUsed + 1,
                    step.retry().max());
            return new Plan.RunStep(step, settledAt.plus(step.retry().backoff()), retriesUsed + 1);
        }
        String branch = step.branch(outcome).orElse(null);
        if (Step.END.equals(branch)) {
            return new Plan.Finish("ended by step '" + stepId + "' on outcome " + outcome.wire());
        }
        Step following = branch != null
                ? definition.step(branch).orElseThrow(() -> new IllegalStateException(
                "sequence " + definition.label() + ": step '" + stepId + "' branches to unknown step '" + branch + "'"))
                : definition.after(step).orElse(null);
        if (following == null) {
            return new Plan.Finish(Plan.Finish.COMPLETED);
        }
        log.debug("{}: step '{}' settled {}, next '{}'", definition.label(), stepId, outcome.wire(), following.id());
        return new Plan.RunStep(following, DueTimes.dueAt(definition, following, settledAt, clock), 0);
    }

    /**
     * What follows a step that was skipped when it fell due: the step counts as settled SUPPRESSED at skippedAt,
     * so its {@code on.suppressed} branch applies, otherwise the next step in order.
     */
    public Plan afterSkip(SequenceDefinition definition, String stepId, Instant skippedAt, EnrollmentClock clock) {
        return next(definition, stepId, AttemptOutcome.SUPPRESSED, 0, skippedAt, clock);
    }

    /** True when any of the step's skip conditions holds. */
    public boolean shouldSkip(Step step, CaseFacts facts) {
        Objects.requireNonNull(facts, "facts");
        return step.skipIf().stream().anyMatch(condition -> condition.holds(step, facts));
    }

    /**
     * The happy path: every attempt delivered and settled the moment it falls due, following {@code on.delivered}
     * branches. A loop back to a step already planned ends the projection there.
     */
    public List<PlannedStep> projection(SequenceDefinition definition, EnrollmentClock clock) {
        List<PlannedStep> planned = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Plan plan = start(definition, clock);
        while (plan instanceof Plan.RunStep run && seen.add(run.step().id())) {
            planned.add(new PlannedStep(run.step(), run.dueAt()));
            plan = next(definition, run.step().id(), AttemptOutcome.DELIVERED, 0, run.dueAt(), clock);
        }
        return List.copyOf(planned);
    }
}
