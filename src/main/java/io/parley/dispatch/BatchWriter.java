package io.parley.dispatch;

import io.parley.domain.AttemptOutcome;
import io.parley.observability.Metrics;
import io.parley.sequence.EnrollmentClock;
import io.parley.sequence.SequenceEngine;
import io.parley.store.Attempts;
import io.parley.store.ClaimedStep;
import io.parley.store.Decisions;
import io.parley.store.DueSteps;
import io.parley.store.Rows;
import io.parley.store.TimelineEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Commits a batch of worked-out steps in one transaction: only steps whose lease this instance still holds, every
 * decision with its reasons, every allowed attempt as SENDING, the timeline, and the queue moved on. Returns the
 * attempts now safe to send.
 */
final class BatchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final Pool pool;
    private final Sequences sequences;
    private final SequenceEngine engine;
    private final Outcomes outcomes;
    private final Metrics metrics;

    BatchWriter(Pool pool, Sequences sequences, SequenceEngine engine, Outcomes outcomes, Metrics metrics) {
        this.pool = pool;
        this.sequences = sequences;
        this.engine = engine;
        this.outcomes = outcomes;
        this.metrics = metrics;
    }

    Future<List<StepWork.Send>> write(List<StepWork> work, String owner, Instant now) {
        if (work.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        List<UUID> ids = work.stream().map(w -> w.step().enrollmentId()).toList();
        return pool.withTransaction(conn -> DueSteps.stillHeld(conn, ids, owner, now).compose(held -> {
            Set<UUID> heldIds = new HashSet<>(held);
            List<StepWork> mine = work.stream().filter(w -> heldIds.contains(w.step().enrollmentId())).toList();
            if (mine.size() < work.size()) {
                LOG.warn("{} claimed step(s) lost their lease before being written; another instance runs them",
                        work.size() - mine.size());
            }
            List<StepWork.Send> sends = mine.stream().filter(StepWork.Send.class::isInstance)
                    .map(StepWork.Send.class::cast).toList();
            return Attempts.insert(conn, sends.stream().map(StepWork.Send::attempt).toList())
                    .compose(inserted -> writeRest(conn, mine, sends, inserted, now));
        }));
    }

    private Future<List<StepWork.Send>> writeRest(SqlConnection conn, List<StepWork> mine, List<StepWork.Send> sends,
                                                  Set<UUID> inserted, Instant now) {
        List<StepWork.Send> toSend = sends.stream().filter(s -> inserted.contains(s.attempt().id())).toList();
        List<Decisions.Recorded> decisions = new ArrayList<>();
        List<Tuple> awaits = new ArrayList<>();
        List<Tuple> defers = new ArrayList<>();
        List<UUID> gaveUp = new ArrayList<>();
        List<Settlement> unknown = new ArrayList<>();
        Progression progression = new Progression(sequences, engine);
        for (StepWork w : mine) {
            ClaimedStep s = w.step();
            if (w instanceof StepWork.Send send) {
                if (!inserted.contains(send.attempt().id())) {
                    LOG.warn("Step run {} of enrollment {} already has an attempt; not sending again", s.runNo(),
                            s.enrollmentId());
                    continue;
                }
                decide(send.decision(), decisions, progression);
                awaits.add(Tuple.of(s.enrollmentId(), send.attempt().id(), Rows.ts(send.awaitUntil())));
                progression.note(new TimelineEntry(s.caseId(), s.enrollmentId(), now, "attempt.sending",
                        new JsonObject().put("attemptId", send.attempt().id().toString()).put("stepId", s.stepId())
                                .put("channel", send.attempt().channel().wire()).put("to", send.attempt().contactAddress())
                                .put("template", send.attempt().template()).put("content", send.attempt().content())));
            } else if (w instanceof StepWork.Wait wait) {
                decide(wait.decision(), decisions, progression);
                defers.add(Tuple.of(s.enrollmentId(), Rows.ts(wait.releaseAt())));
            } else if (w instanceof StepWork.Pass pass) {
                progression.note(pass.notes());
                if (pass.decision() == null) {
                    progression.skipped(ref(s), s.stepId(), now);
                } else {
                    decide(pass.decision(), decisions, progression);
                    progression.settled(ref(s), s.stepId(), AttemptOutcome.SUPPRESSED, s.retry(), now);
                }
            } else {
                gaveUp.add(s.attemptId());
                unknown.add(Outcomes.unknownOutcome(s.enrollmentId(), s.attemptId()));
            }
        }
        return Decisions.insert(conn, decisions)
                .compose(v -> DueSteps.await(conn, awaits))
                .compose(v -> DueSteps.defer(conn, defers))
                .compose(v -> progression.write(conn, now))
                .compose(v -> Attempts.markUnknown(conn, gaveUp, now, "no final status before the outcome timeout"))
                .compose(changed -> outcomes.noteAndSettle(conn, changed, now))
                .compose(v -> outcomes.settle(conn, unknown, now))
                .map(toSend);
    }

    private void decide(Decisions.Recorded d, List<Decisions.Recorded> decisions, Progression progression) {
        metrics.decision(d.decision().outcome(), d.decision().rule());
        decisions.add(d);
        progression.note(new TimelineEntry(d.caseId(), d.enrollmentId(), d.at(), "decision", d.asTimelineData()));
    }

    static EnrollmentRef ref(ClaimedStep s) {
        return new EnrollmentRef(s.enrollmentId(), s.caseId(), s.sequenceName(), s.sequenceVersion(),
                new EnrollmentClock(s.startedAt(), s.account().dueDate(), s.zone()));
    }
}
