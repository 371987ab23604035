package io.parley.dispatch;

import io.parley.channel.RunningChannels;
import io.parley.channel.ChannelSender;
import io.parley.channel.SendResult;
import io.parley.domain.AttemptStatus;
import io.parley.lifecycle.Loop;
import io.parley.observability.Metrics;
import io.parley.store.Attempts;
import io.parley.store.ClaimedStep;
import io.parley.store.DatabaseUnavailable;
import io.parley.store.DueSteps;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Claims due steps in batches, works out each one, commits the whole batch (decisions, SENDING attempts, timeline,
 * queue updates) in one transaction, then hands the committed attempts to their channels and goes on to the next
 * batch while the providers answer (at most {@code maxInFlight} calls under way); the answers are written in groups.
 * A batch that fills up is followed at once by the next (claimed while the one before is written); a step falling
 * due later is claimed when the process's due alarm fires for it, with a poll as the backstop. Several run side by
 * side, each on an event loop of its own; one of them also reconciles attempts left without an answer.
 */
public final class Dispatcher extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration RECONCILE_EVERY = Duration.ofSeconds(5);
    /** When nothing reached the provider (rate limited, unavailable, circuit open), the step runs again after this. */
    static final Duration NOT_ATTEMPTED_BACKOFF = Duration.ofSeconds(60);
    /** The least wait before a step turned away by the provider or the guards runs again. */
    private static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);
    /** Rounds one dispatcher has under way at most: the next claim need not wait for the batch before to commit. */
    static final int DEPTH = 2;

    private final Pool pool;
    private final StepRunner runner;
    private final BatchWriter writer;
    private final Outcomes outcomes;
    private final GroupedChanges answers;
    private final RunningChannels channels;
    private final Metrics metrics;
    private final Clock clock;
    private final DispatchSettings settings;
    private final String owner;
    private final boolean reconciles;
    private InFlight inFlight;
    private final DueAlarm alarm;
    private final Runnable wake = () -> this.batches.wake();
    private Rounds batches;
    private ClaimSize claimSize;
    private Loop reconciling;
    /** When the latest round's claim was made: the look ahead starts there, so a step falling due since is seen. */
    private Instant lastClaim;

    Dispatcher(Pool pool, StepRunner runner, BatchWriter writer, Outcomes outcomes,
               GroupedChanges answers, RunningChannels channels, Metrics metrics, Clock clock,
               DispatchSettings settings, String owner, boolean reconciles, DueAlarm alarm) {
        this.alarm = alarm;
        this.pool = pool;
        this.runner = runner;
        this.writer = writer;
        this.outcomes = outcomes;
        this.answers = answers;
        this.channels = channels;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = settings;
        this.owner = owner;
        this.reconciles = reconciles;
    }

    /**
     * Starts claiming at once; then a batch after another while they come full, when the due alarm fires, and at
     * every poll interval otherwise.
     */
    @Override
    public Future<?> start() {
        inFlight = new InFlight(settings.maxInFlight());
        // a batch is claimed once a quarter of the bound (or a whole batch) is free, and is as large as the room
        int least = Math.max(1, Math.min(settings.batchSize(), settings.maxInFlight() / 4));
        claimSize = new ClaimSize(settings.batchSize());
        batches = new Rounds(vertx, DEPTH, settings.pollInterval(), more -> {
            int most = claimSize.limit();
            return inFlight.reserve(Math.min(least, most), most)
                    .compose(room -> runBatch(room, more).eventually(() -> {
                        inFlight.release(room);
                        return Future.succeededFuture();
                    }));
        }, this::lookAhead).start();
        alarm.join(DueAlarm.timers(vertx), wake);
        if (reconciles) {
            Duration period = Duration.ofMillis(Math.max(100,
                    Math.min(RECONCILE_EVERY.toMillis(), settings.sendingTimeout().toMillis() / 4)));
            Reconciler reconciler = new Reconciler(pool, outcomes, answers, channels, metrics, clock,
                    settings.sendingTimeout());
            reconciling = new Loop(vertx, period, () -> reconciler.round().map(false)).startAfterInterval();
        }
        return Future.succeededFuture();
    }

    /**
     * Claims nothing more (the batch in hand is still written and sent); safe from any thread, before or after
     * {@link #stop()}.
     */
    public void stopClaiming() {
        if (batches != null) {
            batches.stop();
        }
    }

    /**
     * Stops claiming; completes when the batch in hand is written and every call under way is answered and recorded,
     * or when the shutdown grace is over (calls still out then stay SENDING, and are reconciled later).
     */
    @Override
    public Future<?> stop() {
        alarm.leave(wake);
        return Future.all(batches.stop(), reconciling == null ? Future.succeededFuture() : reconciling.stop())
                .compose(v -> {
                    Promise<Void> done = Promise.promise();
                    long timer = vertx.setTimer(Math.max(1, settings.shutdownGrace().toMillis()), id -> {
                        if (done.tryComplete()) {
                            LOG.warn("{} provider calls still unanswered after the shutdown grace of {}; they are "
                                    + "reconciled after the next start", inFlight.count(), settings.shutdownGrace());
                        }
                    });
                    inFlight.drained().onComplete(ar -> {
                        vertx.cancelTimer(timer);
                        done.tryComplete();
                    });
                    return done.future();
                });
    }

    /**
     * Claims, runs and writes a batch of at most {@code size} steps in one transaction, and starts its sends; calls
     * {@code more} as soon as the claim comes back full; completes with the number claimed.
     */
    private Future<Integer> runBatch(int size, Runnable more) {
        Instant claimedAt = clock.instant();
        lastClaim = claimedAt;
        long started = System.nanoTime();
        AtomicReference<List<ClaimedStep>> inHand = new AtomicReference<>(List.of());
        return writer.claimAndWrite(owner, settings.lease(), size, claimed -> {
            inHand.set(claimed);
            metrics.dispatchStage("claim", Duration.ofNanos(System.nanoTime() - started));
            metrics.claimed(claimed.size());
            claimed.forEach(step -> metrics.lag(Duration.between(step.dueAt(), claimedAt)));
            if (claimed.size() >= size) {
                more.run();
            } else {
                // the next step to fall due may do so while this batch is written: another round claims it then
                lookAhead();
            }
        }).map(written -> {
            if (written.claimed() == 0) {
                return 0;
            }
            metrics.dispatchStage("commit", Duration.ofNanos(System.nanoTime() - started));
            written.decisions().forEach(d -> metrics.decision(d.decision().outcome(), d.decision().rule()));
            outcomes.count(written.changed());
            metrics.stepFailures(written.failures());
            send(written.toSend());
            claimSize.committed();
            return written.claimed();
        }).recover(e -> failed(inHand.get(), e));
    }

    /**
     * A batch rolled back: when the database is there, the next claim takes fewer steps (see {@link ClaimSize}),
     * and a single step that failed alone is set aside for a lease, so one step the database refuses cannot hold up
     * the others. Fails with the batch's error either way.
     */
    private Future<Integer> failed(List<ClaimedStep> claimed, Throwable e) {
        if (DatabaseUnavailable.is(e)) {
            LOG.warn("Dispatch waits: the database is unavailable ({})", e.toString());
            return Future.failedFuture(e);
        }
        if (!claimSize.failed(claimed.size())) {
            LOG.error("A dispatch batch of {} steps failed and was rolled back; its steps are claimed again, at most "
                    + "{} at a time", claimed.size(), claimSize.limit(), e);
            return Future.failedFuture(e);
        }
        ClaimedStep step = claimed.get(0);
        Instant now = clock.instant();
        Instant until = now.plus(settings.lease());
        LOG.error("Step {} of enrollment {} (case {}) failed to commit on its own and is set aside until {}; the "
                + "other due steps go meanwhile", step.stepId(), step.enrollmentId(), step.caseId(), until, e);
        return DueSteps.setAside(pool, List.of(step.enrollmentId()), owner, now, until)
                .onSuccess(metrics::stepsSetAside)
                .transform(ar -> Future.failedFuture(e));
    }

    /**
     * Arms the due alarm for the next step falling due before the next poll, counted from the latest claim (so a step
     * that fell due while the batch was written is claimed at once); one made after this look arms it when its
     * enrolment commits, or waits for the poll. Looked at when a claim comes back short (so a step falling due while
     * that batch is written is claimed by another round at its time) and when a round ends.
     */
    private void lookAhead() {
        Instant from = lastClaim == null ? clock.instant() : lastClaim;
        DueSteps.nextDue(pool, from, clock.instant().plus(settings.pollInterval()))
                .onSuccess(next -> next.ifPresent(alarm::arm));
    }

    /** Hands committed attempts to their channels; each answer is recorded with the next group of answers. */
    private void send(List<StepWork.Send> committed) {
        inFlight.started(committed.size());
        for (StepWork.Send send : committed) {
            metrics.attemptStatus(send.outbound().channel().wire(), AttemptStatus.SENDING.wire());
            Future<SendResult> result;
            try {
                // an attempt is only ever committed for a channel with a running module (see StepRunner)
                ChannelSender sender = channels.sender(send.outbound().channel()).orElseThrow(() ->
                        new IllegalStateException("no channel module runs " + send.outbound().channel().wire()));
                result = sender.send(send.outbound());
            } catch (RuntimeException e) {
                LOG.error("Sender for {} failed before calling its provider", send.outbound().channel(), e);
                result = Future.succeededFuture(SendResult.notAttempted("internal", String.valueOf(e.getMessage())));
            }
            result.onComplete(ar -> inFlight.answered())
                    .transform(ar -> record(send.attempt().id(), ar.succeeded() ? ar.result()
                            : SendResult.unknown(String.valueOf(ar.cause()))))
                    .onComplete(ar -> inFlight.recorded());
        }
    }

    private Future<?> record(UUID attemptId, SendResult r) {
        Future<?> recorded;
        if (r.status() == AttemptStatus.UNKNOWN) {
            recorded = outcomes.unknown(List.of(attemptId), "no clear answer from the provider");
        } else {
            // the provider's Retry-After (or an open breaker's wait) when it named one, else the usual back-off
            Instant retryAt = !r.notAttempted() ? null : clock.instant().plus(r.retryAfter() == null
                    ? NOT_ATTEMPTED_BACKOFF : max(r.retryAfter(), MIN_RETRY_AFTER));
            recorded = answers.record(new Attempts.Change(attemptId, r.status(), r.providerRef(), r.errorCode(),
                    r.errorMessage(), null), retryAt, null);
        }
        return recorded.onFailure(e -> LOG.error("Recording a provider answer failed; the attempt stays SENDING and "
                + "is reconciled after {}", settings.sendingTimeout(), e));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
