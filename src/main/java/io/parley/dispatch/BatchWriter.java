package io.parley.dispatch;

import io.parley.channel.Pacing;
import io.parley.domain.Channel;
import io.parley.enrollment.Sequences;
import io.parley.domain.AttemptOutcome;
import io.parley.sequence.EnrollmentClock;
import io.parley.sequence.SequenceEngine;
import io.parley.store.Attempts;
import io.parley.store.CaseHolds;
import io.parley.store.ChannelLoad;
import io.parley.store.ClaimedStep;
import io.parley.store.Decisions;
import io.parley.store.DueSteps;
import io.parley.store.Ledger;
import io.parley.store.Locks;
import io.parley.store.StatusChange;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Claims a batch of due steps and commits what comes of them in the same transaction: the steps worked out; the
 * debtors concerned locked (so caps hold across instances) and their contact history read; the policy's decision on
 * every chosen contact; every decision with its reasons, every allowed attempt as SENDING, the timeline, and the
 * queue moved on. Returns what was written, including the attempts now safe to send.
 */
final class BatchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final Pool pool;
    private final Sequences sequences;
    private final SequenceEngine engine;
    private final StepRunner runner;
    private final Outcomes outcomes;
    private final Clock clock;
    private final Map<Channel, Pacing> pacing;

    BatchWriter(Pool pool, Sequences sequences, SequenceEngine engine, StepRunner runner, Outcomes outcomes,
                Clock clock, Map<Channel, Pacing> pacing) {
        this.pacing = Map.copyOf(pacing);
        this.pool = pool;
        this.sequences = sequences;
        this.engine = engine;
        this.runner = runner;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** What a committed batch wrote: the steps claimed, and what came of them. */
    record Written(int claimed, List<StepWork.Send> toSend, List<Decisions.Recorded> decisions,
                   List<StatusChange> changed, int failures) {
    }

    /**
     * Claims at most {@code size} due steps (FOR UPDATE SKIP LOCKED, under a lease) and writes what comes of them
     * in the same transaction: one commit for the claim and the batch, and no other dispatcher can take a step while
     * it is worked out. {@code claimed} is told what the claim returned (again if the transaction is tried again).
     */
    Future<Written> claimAndWrite(String owner, Duration lease, int size, Consumer<List<ClaimedStep>> claimed) {
        return Transactions.run(pool, conn -> {
            Instant claimedAt = clock.instant();
            return DueSteps.claim(conn, owner, claimedAt, lease, size).compose(steps -> {
                if (steps.isEmpty()) {
                    return Future.succeededFuture(new Written(0, List.of(), List.of(), List.of(), 0));
                }
                claimed.accept(steps);
                List<String[]> versions = steps.stream()
                        .map(s -> new String[]{s.sequenceName(), String.valueOf(s.sequenceVersion())}).toList();
                return sequences.ensure(pool, versions).compose(v -> {
                    Instant now = clock.instant();
                    List<StepWork> work = new ArrayList<>(steps.size());
                    for (ClaimedStep step : steps) {
                        work.add(runner.prepare(step, now));
                    }
                    return write(conn, work, now);
                });
            });
        });
    }

    /** Writes claimed steps, whose queue rows this transaction holds locked. */
    private Future<Written> write(SqlConnection conn, List<StepWork> mine, Instant now) {
        List<String> debtors = mine.stream().filter(StepWork.Contact.class::isInstance)
                .map(w -> w.step().debtor().id()).distinct().sorted().toList();
        List<String> cases = mine.stream().filter(StepWork.Contact.class::isInstance)
                .map(w -> w.step().caseId()).distinct().toList();
        // the locks, then the reads, sent at once: the connection runs them in that order, so every read is made
        // under the locks, and the batch waits for one round trip instead of one each
        Future<Void> locked = Locks.debtors(conn, debtors);
        Future<Map<String, List<String>>> holds = CaseHolds.ofCases(conn, cases);
        Future<Map<String, Ledger.DebtorRecord>> records = debtors.isEmpty()
                ? Future.succeededFuture(Map.of()) : Ledger.read(conn, debtors, now, runner.channels());
        Future<Map<Channel, PacingBudget>> budgets = budgets(conn, mine, now);
        return Future.all(locked, holds, records, budgets)
                .map(all -> decide(mine, records.result(), holds.result(), budgets.result(), now))
                .compose(decided -> {
                    List<StepWork.Send> sends = decided.stream().filter(StepWork.Send.class::isInstance)
                            .map(StepWork.Send.class::cast).toList();
                    return Attempts.insert(conn, sends.stream().map(StepWork.Send::attempt).toList())
                            .compose(inserted -> writeRest(conn, mine.size(), decided, inserted, now));
                });
    }

    /**
     * The policy decides each chosen contact in turn, with holds and the debtor as they are now (read under the
     * locks); an allowed one joins its debtor's history at once.
     */
    /**
     * The budget of each paced channel the batch's contacts may use, read under that channel's lock (taken after
     * the debtors', in channel order).
     */
    private Future<Map<Channel, PacingBudget>> budgets(SqlConnection conn, List<StepWork> mine, Instant now) {
        java.util.SortedSet<Channel> paced = new java.util.TreeSet<>();
        mine.stream().filter(StepWork.Contact.class::isInstance)
                .forEach(w -> runner.channelsOf(w.step()).stream().filter(pacing::containsKey).forEach(paced::add));
        Map<Channel, PacingBudget> budgets = new HashMap<>();
        List<Future<?>> reads = new ArrayList<>();
        for (Channel channel : paced) {
            // sent in channel order, so the locks are taken in that order
            Pacing p = pacing.get(channel);
            reads.add(ChannelLoad.lockAndRead(conn, channel, now, p.longest())
                    .map(load -> budgets.put(channel, new PacingBudget(channel, p, load, now))));
        }
        return Future.all(reads).map(budgets);
    }

    private List<StepWork> decide(List<StepWork> mine, Map<String, Ledger.DebtorRecord> records,
                                  Map<String, List<String>> holds, Map<Channel, PacingBudget> budgets, Instant now) {
        Map<String, Ledger.DebtorRecord> current = new HashMap<>(records);
        List<StepWork> out = new ArrayList<>(mine.size());
        for (StepWork w : mine) {
            if (!(w instanceof StepWork.Contact contact)) {
                out.add(w);
                continue;
            }
            String debtor = w.step().debtor().id();
            StepWork decided;
            List<String> caseHolds = holds.getOrDefault(w.step().caseId(), List.of());
            try {
                decided = caseHolds.isEmpty() ? runner.decide(contact, current.get(debtor), now)
                        : StepRunner.held(w.step(), caseHolds, now);
            } catch (RuntimeException e) {
                decided = new StepWork.Failed(w.step(), e);
            }
            if (decided instanceof StepWork.Send send && budgets.containsKey(send.outbound().channel())) {
                Channel channel = send.outbound().channel();
                StepWork allowed = decided;
                decided = budgets.get(channel).admit().<StepWork>map(wait -> new StepWork.Wait(w.step(),
                        StepRunner.record(w.step(), channel, wait, null, now), wait.until())).orElse(allowed);
            }
            if (decided instanceof StepWork.Send send) {
                Ledger.DebtorRecord r = current.get(debtor);
                current.put(debtor, r.with(runner.asPastContact(send)));
            }
            out.add(decided);
        }
        return out;
    }

    private Future<Written> writeRest(SqlConnection conn, int claimed, List<StepWork> decided, Set<UUID> inserted,
                                      Instant now) {
        List<StepWork.Send> toSend = new ArrayList<>();
        List<Decisions.Recorded> decisions = new ArrayList<>();
        List<DueSteps.Await> awaits = new ArrayList<>();
        List<DueSteps.Defer> defers = new ArrayList<>();
        List<UUID> gaveUp = new ArrayList<>();
        List<Settlement> unknown = new ArrayList<>();
        Progression progression = new Progression(sequences, engine);
        for (StepWork w : decided) {
            ClaimedStep s = w.step();
            if (w instanceof StepWork.Send send) {
                if (!inserted.contains(send.attempt().id())) {
                    // the attempt and the move to 'await' commit together, so this means the queue row is out of
                    // step with the attempts: never send a second contact for one step run
                    progression.failed(s.enrollmentId(), s.caseId(), s.stepId(), new IllegalStateException(
                            "step run " + s.runNo() + " already has an attempt; not sending again"), now);
                    continue;
                }
                toSend.add(send);
                decide(send.decision(), decisions, progression);
                awaits.add(new DueSteps.Await(s.enrollmentId(), send.attempt().id(), send.awaitUntil()));
                progression.note(new TimelineEntry(s.caseId(), s.enrollmentId(), now, TimelineKinds.ATTEMPT_SENDING,
                        new JsonObject().put("attemptId", send.attempt().id().toString()).put("stepId", s.stepId())
                                .put("channel", send.attempt().channel().wire()).put("to", send.attempt().contactAddress())
                                .put("template", send.attempt().template()).put("content", send.attempt().content())));
            } else if (w instanceof StepWork.Wait wait) {
                decide(wait.decision(), decisions, progression);
                defers.add(new DueSteps.Defer(s.enrollmentId(), wait.releaseAt(), wait.heldBy()));
            } else if (w instanceof StepWork.Pass pass) {
                progression.note(pass.notes());
                if (pass.decision() == null) {
                    progression.skipped(ref(s), s.stepId(), now);
                } else {
                    decide(pass.decision(), decisions, progression);
                    progression.settled(ref(s), s.stepId(), AttemptOutcome.SUPPRESSED, s.retry(), now);
                }
            } else if (w instanceof StepWork.Failed failed) {
                progression.failed(s.enrollmentId(), s.caseId(), s.stepId(), failed.error(), now);
            } else if (w instanceof StepWork.GiveUpWaiting) {
                gaveUp.add(s.attemptId());
                unknown.add(Settlement.outcome(s.enrollmentId(), s.attemptId(), AttemptOutcome.UNKNOWN));
            }
        }
        // sent together (the connection runs them in order), one round trip for all
        Future<Void> recorded = Decisions.insert(conn, decisions);
        Future<Void> awaiting = DueSteps.await(conn, awaits);
        Future<Void> deferred = DueSteps.defer(conn, defers);
        if (gaveUp.isEmpty()) {
            // nothing to settle: what the steps came to is all collected already
            return Future.all(recorded, awaiting, deferred, progression.write(conn, now))
                    .map(all -> new Written(claimed, toSend, decisions, List.of(), progression.failures()));
        }
        Future<List<StatusChange>> givenUp = Attempts.markUnknown(conn, gaveUp, now,
                "no final status before the outcome timeout");
        return Future.all(recorded, awaiting, deferred, givenUp).map(all -> givenUp.result())
                .compose(changed -> outcomes.noteAndSettle(conn, changed, Map.of(), Map.of(), now, progression)
                        .compose(v -> outcomes.settle(conn, unknown, now, progression))
                        .compose(v -> progression.write(conn, now))
                        .map(v -> new Written(claimed, toSend, decisions, changed, progression.failures())));
    }

    private static void decide(Decisions.Recorded d, List<Decisions.Recorded> decisions, Progression progression) {
        decisions.add(d);
        progression.note(new TimelineEntry(d.caseId(), d.enrollmentId(), d.at(), TimelineKinds.DECISION,
                d.asTimelineData()));
    }

    static EnrollmentRef ref(ClaimedStep s) {
        return new EnrollmentRef(s.enrollmentId(), s.caseId(), s.sequenceName(), s.sequenceVersion(),
                new EnrollmentClock(s.startedAt(), s.account().dueDate(), s.zone()));
    }
}
