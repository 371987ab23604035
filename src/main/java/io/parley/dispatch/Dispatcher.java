package io.parley.dispatch;

import io.parley.channel.RunningChannels;
import io.parley.enrollment.Sequences;
import io.parley.channel.ChannelSender;
import io.parley.channel.SendResult;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.lifecycle.Loop;
import io.parley.observability.Metrics;
import io.parley.store.Attempts;
import io.parley.store.ClaimedStep;
import io.parley.store.DueSteps;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Claims due steps in batches, works out each one, commits the whole batch (decisions, SENDING attempts, timeline,
 * queue updates) in one transaction, then hands the committed attempts to their channels and records what the
 * providers answered. A batch that fills up is followed at once by the next; otherwise it polls.
 */
public final class Dispatcher extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration RECONCILE_EVERY = Duration.ofSeconds(5);
    /** When nothing reached the provider (rate limited, unavailable, circuit open), the step runs again after this. */
    static final Duration NOT_ATTEMPTED_BACKOFF = Duration.ofSeconds(60);

    private final Pool pool;
    private final Sequences sequences;
    private final StepRunner runner;
    private final BatchWriter writer;
    private final Outcomes outcomes;
    private final RunningChannels channels;
    private final Metrics metrics;
    private final Clock clock;
    private final DispatchSettings settings;
    private final String owner;
    private Loop batches;
    private Loop reconciling;

    Dispatcher(Pool pool, Sequences sequences, StepRunner runner, BatchWriter writer, Outcomes outcomes,
               RunningChannels channels, Metrics metrics, Clock clock, DispatchSettings settings,
               String owner) {
        this.pool = pool;
        this.sequences = sequences;
        this.runner = runner;
        this.writer = writer;
        this.outcomes = outcomes;
        this.channels = channels;
        this.metrics = metrics;
        this.clock = clock;
        this.settings = settings;
        this.owner = owner;
    }

    /** Starts claiming at once, a batch after another while they come full, otherwise at every poll interval. */
    @Override
    public Future<?> start() {
        batches = new Loop(vertx, settings.pollInterval(), () -> runBatch()
                .onFailure(e -> LOG.error("Dispatch batch failed; its leases expire and the steps are claimed again", e))
                .map(claimed -> claimed >= settings.batchSize())).startNow();
        Duration period = Duration.ofMillis(Math.max(100,
                Math.min(RECONCILE_EVERY.toMillis(), settings.sendingTimeout().toMillis() / 4)));
        reconciling = new Loop(vertx, period, () -> reconcileStale().map(false)).startAfterInterval();
        return Future.succeededFuture();
    }

    /** Stops claiming; completes when the batch in hand is written and sent. */
    @Override
    public Future<?> stop() {
        return Future.all(batches.stop(), reconciling.stop());
    }

    /** Claims, runs, writes and sends one batch; completes with the number of steps claimed. */
    Future<Integer> runBatch() {
        Instant claimedAt = clock.instant();
        return DueSteps.claim(pool, owner, claimedAt, settings.lease(), settings.batchSize()).compose(claimed -> {
            if (claimed.isEmpty()) {
                return Future.succeededFuture(0);
            }
            metrics.claimed(claimed.size());
            claimed.forEach(step -> metrics.lag(Duration.between(step.dueAt(), claimedAt)));
            List<String[]> versions = claimed.stream()
                    .map(s -> new String[]{s.sequenceName(), String.valueOf(s.sequenceVersion())}).toList();
            return sequences.ensure(pool, versions).compose(v -> {
                Instant now = clock.instant();
                List<StepWork> work = new ArrayList<>(claimed.size());
                for (ClaimedStep step : claimed) {
                    work.add(runner.prepare(step, now));
                }
                return writer.write(work, owner);
            }).compose(written -> {
                written.decisions().forEach(d -> metrics.decision(d.decision().outcome(), d.decision().rule()));
                outcomes.count(written.changed());
                metrics.stepFailures(written.failures());
                return send(written.toSend());
            }).map(claimed.size());
        });
    }

    private Future<Void> send(List<StepWork.Send> committed) {
        List<Future<SendResult>> results = new ArrayList<>(committed.size());
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
            results.add(result);
        }
        return Future.join(results).transform(ignored -> {
            List<Attempts.Change> changes = new ArrayList<>();
            List<UUID> unknown = new ArrayList<>();
            Map<UUID, Instant> retryAt = new HashMap<>();
            Instant later = clock.instant().plus(NOT_ATTEMPTED_BACKOFF);
            for (int i = 0; i < committed.size(); i++) {
                UUID attemptId = committed.get(i).attempt().id();
                Future<SendResult> f = results.get(i);
                SendResult r = f.succeeded() ? f.result() : SendResult.unknown(String.valueOf(f.cause()));
                if (r.status() == AttemptStatus.UNKNOWN) {
                    unknown.add(attemptId);
                    continue;
                }
                if (r.notAttempted()) {
                    retryAt.put(attemptId, later);
                }
                changes.add(new Attempts.Change(attemptId, r.status(), r.providerRef(), r.errorCode(), r.errorMessage(),
                        null));
            }
            return outcomes.record(changes, retryAt)
                    .compose(v -> outcomes.unknown(unknown, "no clear answer from the provider"))
                    .onFailure(e -> LOG.error("Recording provider answers failed; the attempts stay SENDING and "
                            + "become UNKNOWN after {}", settings.sendingTimeout(), e))
                    .mapEmpty();
        });
    }

    /** Attempts left SENDING by a crash between commit and the provider's answer become UNKNOWN, never resent. */
    private Future<Void> reconcileStale() {
        Instant now = clock.instant();
        return Attempts.staleSending(pool, now.minus(settings.sendingTimeout()), 500)
                .compose(ids -> outcomes.unknown(ids, "no answer recorded within " + settings.sendingTimeout()))
                .compose(changed -> DueSteps.pending(pool, now))
                .compose(pending -> {
                    metrics.pendingDueSteps(pending);
                    return Attempts.unknownCount(pool);
                })
                .onSuccess(metrics::unknownAttempts)
                .onFailure(e -> LOG.warn("Reconciling in-flight attempts failed", e))
                .otherwiseEmpty().mapEmpty();
    }
}
