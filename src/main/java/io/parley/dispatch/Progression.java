package io.parley.dispatch;

import io.parley.domain.AttemptOutcome;
import io.parley.sequence.Plan;
import io.parley.sequence.SequenceDefinition;
import io.parley.sequence.SequenceEngine;
import io.parley.store.DueSteps;
import io.parley.store.Enrollments;
import io.parley.store.Rows;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves enrollments on once a step is settled: the engine says which step runs next and when (a retry, a branch,
 * the next step) or that the sequence is finished; this collects the resulting writes for one transaction.
 */
final class Progression {
    private final Sequences sequences;
    private final SequenceEngine engine;
    private final List<Tuple> reschedules = new ArrayList<>();
    private final List<UUID> finished = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();

    Progression(Sequences sequences, SequenceEngine engine) {
        this.sequences = sequences;
        this.engine = engine;
    }

    /** The step settled with this outcome; plans what follows. */
    void settled(EnrollmentRef ref, String stepId, AttemptOutcome outcome, int retry, Instant at) {
        SequenceDefinition def = sequences.definition(ref.sequenceName(), ref.sequenceVersion());
        follow(ref, engine.next(def, stepId, outcome, retry, at, ref.clock()), at);
    }

    /** The step was skipped by its condition; the sequence goes on in order. */
    void skipped(EnrollmentRef ref, String stepId, Instant at) {
        SequenceDefinition def = sequences.definition(ref.sequenceName(), ref.sequenceVersion());
        follow(ref, engine.afterSkip(def, stepId, at, ref.clock()), at);
    }

    private void follow(EnrollmentRef ref, Plan plan, Instant at) {
        if (plan instanceof Plan.RunStep run) {
            reschedules.add(Tuple.of(ref.enrollmentId(), run.step().id(), run.retry(), Rows.ts(run.dueAt())));
            timeline.add(new TimelineEntry(ref.caseId(), ref.enrollmentId(), at, "step.scheduled", new JsonObject()
                    .put("stepId", run.step().id()).put("channel", run.step().channel().wire())
                    .put("retry", run.retry()).put("dueAt", run.dueAt().toString())));
        } else if (plan instanceof Plan.Finish finish) {
            finished.add(ref.enrollmentId());
            timeline.add(new TimelineEntry(ref.caseId(), ref.enrollmentId(), at, "enrollment.completed",
                    new JsonObject().put("reason", finish.reason())));
        }
    }

    void note(TimelineEntry entry) {
        timeline.add(entry);
    }

    void note(List<TimelineEntry> entries) {
        timeline.addAll(entries);
    }

    /** Writes everything collected, inside the caller's transaction. */
    Future<Void> write(SqlClient sql, Instant now) {
        return DueSteps.reschedule(sql, reschedules)
                .compose(v -> DueSteps.delete(sql, finished))
                .compose(v -> Enrollments.complete(sql, finished, now))
                .compose(v -> Timeline.append(sql, timeline));
    }
}
