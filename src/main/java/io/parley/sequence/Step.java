package io.parley.sequence;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.Channel;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One step of a sequence: a message from a template on a channel, due at a time.
 *
 * @param skipIf   conditions under which the step is skipped when it falls due
 * @param on       per outcome of this step's attempt, the id of the step to run next, or {@link #END}
 * @param retry    how a FAILED attempt is run again before branching
 * @param fallback channels (each with its template) to use, in order, when this step's channel cannot be used
 * @param audience whom the step contacts: the borrower (default) or a third party
 * @param voicemail for a voice step, the limited-content template a call may leave on an answering machine; null =
 *                  no message is left
 */
public record Step(String id, Channel channel, String template, Timing timing, Set<SkipCondition> skipIf,
                   Map<AttemptOutcome, String> on, RetryPolicy retry, List<Fallback> fallback,
                   Audience audience, String voicemail) {

    /** The branch target that finishes the sequence. */
    public static final String END = "end";

    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(timing, "timing");
        skipIf = skipIf == null || skipIf.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(SkipCondition.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(skipIf));
        on = on == null || on.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(on));
        retry = retry == null ? RetryPolicy.none() : retry;
        fallback = fallback == null ? List.of() : List.copyOf(fallback);
        audience = audience == null ? Audience.BORROWER : audience;
        if (fallback.stream().anyMatch(f -> f.channel() == channel)) {
            throw new IllegalArgumentException("step '" + id + "' lists its own channel as a fallback");
        }
    }

    /** A step with no skip conditions, branches, retries or fallbacks. */
    public static Step simple(String id, Channel channel, String template, Timing timing) {
        return new Step(id, channel, template, timing, Set.of(), Map.of(), RetryPolicy.none(), List.of(), Audience.BORROWER, null);
    }

    /** The explicit branch for an outcome: a step id or {@link #END}. Empty means "the next step in order". */
    public Optional<String> branch(AttemptOutcome outcome) {
        return Optional.ofNullable(on.get(outcome));
    }

    /**
     * True when every outcome the step can end in has an explicit branch, so the next step in order is never reached
     * from here.
     */
    public boolean branchesOnEvery(java.util.Collection<AttemptOutcome> possible) {
        return on.keySet().containsAll(possible);
    }
}
