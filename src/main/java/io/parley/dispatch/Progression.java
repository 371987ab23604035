package io.parley.dispatch;

import io.parley.enrollment.Sequences;
import io.parley.domain.AttemptOutcome;
import io.parley.sequence.Plan;
import io.parley.sequence.SequenceDefinition;
import io.parley.sequence.SequenceEngine;
import io.parley.store.DueSteps;
import io.parley.store.Enrollments;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Everything one transaction does to the queue and the timeline, collected and then written once (a single
 * timeline append per transaction keeps lock order fixed): enrollments moved on once a step settles (retry, branch,
 * next step, finish), steps run again later, and steps whose handling failed, retried after a pause.
 */
final class Progression {
    static final Duration AFTER_FAILURE = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(Progression.class);

    private final Sequences sequences;
    private final SequenceEngine engine;
    private final List<DueSteps.MoveOn> moves = new ArrayList<>();
    private final List<DueSteps.Defer> defers = new ArrayList<>();
    private final List<UUID> finished = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private int failures;

    Progression(Sequences sequences, SequenceEngine engine) {
        this.sequences = sequences;
        this.engine = engine;
    }

    /** The step settled with this outcome; plans what follows. */
    void settled(EnrollmentRef ref, String stepId, AttemptOutcome outcome, int retry, Instant at) {
        try {
            SequenceDefinition def = sequences.definition(ref.sequenceName(), ref.sequenceVersion());
            follow(ref, engine.next(def, stepId, outcome, retry, at, ref.clock()), at);
        } catch (RuntimeException e) {
            failed(ref.enrollmentId(), ref.caseId(), stepId, e, at);
        }
    }

    /** The step was skipped by its condition; the sequence goes on. */
    void skipped(EnrollmentRef ref, String stepId, Instant at) {
        try {
            SequenceDefinition def = sequences.definition(ref.sequenceName(), ref.sequenceVersion());
            follow(ref, engine.afterSkip(def, stepId, at, ref.clock()), at);
        } catch (RuntimeException e) {
            failed(ref.enrollmentId(), ref.caseId(), stepId, e, at);
        }
    }

    /** Nothing reached the provider: the same step, with the same retry count, runs again at the given time. */
    void again(EnrollmentRef ref, String stepId, int retry, Instant dueAt, Instant at) {
        moves.add(new DueSteps.MoveOn(ref.enrollmentId(), stepId, retry, dueAt));
        timeline.add(new TimelineEntry(ref.caseId(), ref.enrollmentId(), at, TimelineKinds.STEP_SCHEDULED, new JsonObject()
                .put("stepId", stepId).put("retry", retry).put("dueAt", dueAt.toString())
                .put("reason", "the provider was not reached; nothing was sent")));
    }

    /** Handling the step failed: it is tried again after a pause, and the failure is on its timeline. */
    void failed(UUID enrollmentId, String caseId, String stepId, RuntimeException error, Instant at) {
        LOG.error("Step {} of enrollment {} could not be handled; trying again in {}", stepId, enrollmentId,
                AFTER_FAILURE, error);
        failures++;
        defers.add(new DueSteps.Defer(enrollmentId, at.plus(AFTER_FAILURE)));
        timeline.add(new TimelineEntry(caseId, enrollmentId, at, TimelineKinds.STEP_ERROR, new JsonObject()
                .put("stepId", stepId).put("error", String.valueOf(error.getMessage()))
                .put("retryAt", at.plus(AFTER_FAILURE).toString())));
    }

    private void follow(EnrollmentRef ref, Plan plan, Instant at) {
        if (plan instanceof Plan.RunStep run) {
            moves.add(new DueSteps.MoveOn(ref.enrollmentId(), run.step().id(), run.retry(), run.dueAt()));
            timeline.add(new TimelineEntry(ref.caseId(), ref.enrollmentId(), at, TimelineKinds.STEP_SCHEDULED,
                    new JsonObject()
                    .put("stepId", run.step().id()).put("channel", run.step().channel().wire())
                    .put("retry", run.retry()).put("dueAt", run.dueAt().toString())));
        } else if (plan instanceof Plan.Finish finish) {
            finished.add(ref.enrollmentId());
            timeline.add(new TimelineEntry(ref.caseId(), ref.enrollmentId(), at, TimelineKinds.ENROLLMENT_COMPLETED,
                    new JsonObject().put("reason", finish.reason())));
        }
    }

    void note(TimelineEntry entry) {
        timeline.add(entry);
    }

    void note(List<TimelineEntry> entries) {
        timeline.addAll(entries);
    }

    int failures() {
        return failures;
    }

    /**
     * Writes everything collected, inside the caller's transaction (a connection), with one timeline append at the
     * end: the statements are sent together and the connection runs them in this order, so the batch waits for one
     * round trip rather than one each.
     */
    Future<Void> write(SqlConnection sql, Instant now) {
        return Future.all(DueSteps.moveOn(sql, moves), DueSteps.defer(sql, defers), DueSteps.delete(sql, finished),
                Enrollments.complete(sql, finished, now), Timeline.append(sql, timeline)).mapEmpty();
    }
}
