package io.parley.dispatch;

import io.parley.channel.RunningChannels;
import io.parley.enrollment.Sequences;
import io.parley.channel.ChannelSender;
import io.parley.channel.SendResult;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.observability.Metrics;
import io.parley.store.Attempts;
import io.parley.store.ClaimedStep;
import io.parley.store.DueSteps;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
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
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final long RECONCILE_EVERY_MS = 5_000;
    /** When nothing reached the provider (rate limited, unavailable, circuit open), the step runs again after this. */
    static final Duration NOT_ATTEMPTED_BACKOFF = Duration.ofSeconds(60);

    private final Vertx vertx;
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
    private volatile boolean running;
    private long reconcileTimer = -1;
    private Future<Void> current = Future.succeededFuture();

    Dispatcher(Vertx vertx, Pool pool, Sequences sequences, StepRunner runner, BatchWriter writer, Outcomes outcomes,
               RunningChannels channels, Metrics metrics, Clock clock, DispatchSettings settings,
               String owner) {
        this.vertx = vertx;
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

    public void start() {
        running = true;
        vertx.runOnContext(v -> loop());
        long period = Math.max(100, Math.min(RECONCILE_EVERY_MS, settings.sendingTimeout().toMillis() / 4));
        reconcileTimer = vertx.setPeriodic(period, id -> reconcileStale());
    }

    /** Stops claiming; completes when the batch in hand is written and sent. */
    public Future<Void> stop() {
        running = false;
        if (reconcileTimer >= 0) {
            vertx.cancelTimer(reconcileTimer);
        }
        return current;
    }

    private void loop() {
        if (!running) {
            return;
        }
        current = runBatch().transform(ar -> {
            if (ar.failed()) {
                LOG.error("Dispatch batch failed; its leases expire and the steps are claimed again", ar.cause());
            }
            boolean full = ar.succeeded() && ar.result() >= settings.batchSize();
            if (full) {
                vertx.runOnContext(v -> loop());
            } else {
                vertx.setTimer(settings.pollInterval().toMillis(), id -> loop());
            }
            return Future.succeededFuture();
        });
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
    private void reconcileStale() {
        if (!running) {
            return;
        }
        Instant now = clock.instant();
        Attempts.staleSending(pool, now.minus(settings.sendingTimeout()), 500)
                .compose(ids -> outcomes.unknown(ids, "no answer recorded within " + settings.sendingTimeout()))
                .compose(changed -> DueSteps.pending(pool, now))
                .compose(pending -> {
                    metrics.pendingDueSteps(pending);
                    return Attempts.unknownCount(pool);
                })
                .onSuccess(metrics::unknownAttempts)
                .onFailure(e -> LOG.warn("Reconciling in-flight attempts failed", e));
    }
}
