package io.parley.outbox;

import io.parley.lifecycle.Loop;
import io.parley.store.CaseDeliveries;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Pushes case events to the collection engine's webhook. Claims due cases (pending, next attempt reached, lease
 * free) in batches with a lease, and for each case POSTs its undelivered events one at a time in seq order, each
 * signed with its event id as webhook-id. A 2xx moves delivered_seq past the event (and renews the lease) before
 * the next one is sent; anything else stops the case until a backoff has passed. A case with nothing left is no
 * longer pending, unless an event came in meanwhile. Up to batchSize cases are in hand at once, each strictly in
 * order.
 *
 * <p>At least once: a crash between a POST and its record sends that event again, but an event is never skipped,
 * and within a case never sent after a later one. A POST is only started while the lease has more than the POST's
 * time limit left, so no other instance can be delivering the same case at the same time.
 */
final class EventDeliverer extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(EventDeliverer.class);
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration AFTER_FAILURE = Duration.ofSeconds(2);
    static final Duration PENDING_EVERY = Duration.ofSeconds(5);
    static final int EVENTS_PER_READ = 50;
    /** Time kept in hand on the lease beyond a POST's limit before one is started. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    /** What one POST came to: accepted, or the failure's metric label and a description without personal data. */
    record Result(boolean ok, String kind, String error) {
        static final Result OK = new Result(true, "delivered", null);

        static Result ofStatus(int status) {
            if (status >= 200 && status < 300) {
                return OK;
            }
            String kind = status >= 400 && status < 500 ? "http_4xx" : status >= 500 && status < 600 ? "http_5xx"
                    : "http_other";
            return new Result(false, kind, "HTTP " + status);
        }

        static Result ofFailure(Throwable err, Duration timeout) {
            for (Throwable t = err; t != null; t = t.getCause()) {
                if (t instanceof java.util.concurrent.TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                    return new Result(false, "timeout", "no answer within " + timeout);
                }
            }
            return new Result(false, "connection", "request failed (" + err.getClass().getSimpleName() + ")");
        }
    }

    private final Pool pool;
    private WebClient client;
    private final String url;
    private final StandardWebhooks signer;
    private final Duration timeout;
    private final Duration maxBackoff;
    private final int batchSize;
    private final Duration lease;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private final String owner;
    private final RandomGenerator random;
    private final Set<String> active = new HashSet<>();
    private Loop claims;
    private Loop pending;
    private Promise<Void> idle;

    EventDeliverer(Pool pool, String url, StandardWebhooks signer, Duration timeout, Duration maxBackoff,
                   int batchSize, OutboxMetrics metrics, Clock clock, String owner, RandomGenerator random) {
        this.pool = pool;
        this.url = url;
        this.signer = signer;
        this.timeout = timeout;
        this.maxBackoff = maxBackoff;
        this.batchSize = batchSize;
        // long enough for a POST and the writes around it; renewed after every delivered event
        this.lease = timeout.multipliedBy(3).plus(LEASE_MARGIN);
        this.metrics = metrics;
        this.clock = clock;
        this.owner = owner;
        this.random = random;
    }

    @Override
    public Future<?> start() {
        client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Parley-Webhooks")
                .setFollowRedirects(false), new PoolOptions().setHttp1MaxSize(batchSize));
        claims = new Loop(vertx, POLL, AFTER_FAILURE, this::claim).startNow();
        pending = new Loop(vertx, PENDING_EVERY, () -> CaseDeliveries.pending(pool).onSuccess(metrics::pending)
                .onFailure(e -> LOG.debug("Counting cases pending webhook delivery failed", e))
                .otherwiseEmpty().map(false)).startAfterInterval();
        return Future.succeededFuture();
    }

    /** Stops claiming; completes when the cases in hand have stopped (each after its current POST). */
    @Override
    public Future<?> stop() {
        return Future.all(claims.stop(), pending.stop()).compose(v -> {
            idle = Promise.promise();
            checkIdle();
            return idle.future();
        }).onComplete(v -> client.close());
    }

    private void checkIdle() {
        if (idle != null && active.isEmpty()) {
            idle.tryComplete();
        }
    }

    /**
     * Claims as many due cases as there are free places and starts delivering each; a case that finishes wakes the
     * claims at once, so the places fill again without waiting for the poll.
     */
    private Future<Boolean> claim() {
        int free = batchSize - active.size();
        if (free <= 0) {
            return Future.succeededFuture(false);
        }
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(lease);
        return CaseDeliveries.claim(pool, owner, now, leaseUntil, free).onFailure(err -> LOG.warn(
                "Claiming cases for webhook delivery failed; trying again: {}", err.toString())).map(claimed -> {
            for (CaseDeliveries.Claimed c : claimed) {
                // a case already in hand here (its lease ran out and was renewed by this claim) keeps its runner
                if (active.add(c.caseId())) {
                    new CaseRun(c, leaseUntil).start().onComplete(done -> {
                        active.remove(c.caseId());
                        if (done.failed()) {
                            LOG.warn("Webhook delivery of a case stopped on an error; its lease expires and it is "
                                    + "claimed again: {}", done.cause().toString());
                        }
                        checkIdle();
                        claims.wake();
                    });
                }
            }
            return false;
        });
    }

    private boolean running() {
        return claims.running();
    }

    /** POSTs one event: the stored payload as is, signed; never fails (a failure is a Result). */
    Future<Result> post(CaseDeliveries.Undelivered event) {
        Buffer body = Buffer.buffer(event.body());
        long timestamp = clock.instant().getEpochSecond();
        return client.postAbs(url)
                .timeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(StandardWebhooks.ID, event.eventId())
                .putHeader(StandardWebhooks.TIMESTAMP, String.valueOf(timestamp))
                .putHeader(StandardWebhooks.SIGNATURE, signer.sign(event.eventId(), timestamp, body.getBytes()))
                .as(BodyCodec.none())
                .sendBuffer(body)
                // the client's limit is on silence; this one bounds the whole exchange
                .timeout(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)
                .map(response -> Result.ofStatus(response.statusCode()))
                .otherwise(err -> Result.ofFailure(err, timeout));
    }

    /** Delivers one claimed case, event after event, until it is done, fails, or its lease must be let go. */
    private final class CaseRun {
        private final String caseId;
        private final Promise<Void> done = Promise.promise();
        private long delivered;
        private int failures;
        private Instant leaseUntil;

        CaseRun(CaseDeliveries.Claimed claimed, Instant leaseUntil) {
            this.caseId = claimed.caseId();
            this.delivered = claimed.deliveredSeq();
            this.failures = claimed.failures();
            this.leaseUntil = leaseUntil;
        }

        Future<Void> start() {
            read();
            return done.future();
        }

        private void read() {
            CaseDeliveries.undelivered(pool, caseId, delivered, EVENTS_PER_READ).onComplete(ar -> {
                if (ar.failed()) {
                    done.fail(ar.cause());
                } else if (ar.result().isEmpty()) {
                    finish();
                } else {
                    send(ar.result(), 0);
                }
            });
        }

        private void finish() {
            CaseDeliveries.finish(pool, caseId, owner).onComplete(ar -> {
                if (ar.failed()) {
                    done.fail(ar.cause());
                } else if (ar.result() == CaseDeliveries.Finish.MORE && running()) {
                    read();
                } else if (ar.result() == CaseDeliveries.Finish.MORE) {
                    release();
                } else {
                    done.complete();
                }
            });
        }

        private void send(List<CaseDeliveries.Undelivered> events, int i) {
            if (i == events.size()) {
                read();
                return;
            }
            if (!running() || clock.instant().plus(timeout).plus(LEASE_MARGIN).isAfter(leaseUntil)) {
                release();
                return;
            }
            CaseDeliveries.Undelivered event = events.get(i);
            post(event).onComplete(posted -> {
                Result result = posted.result();
                if (result.ok()) {
                    metrics.delivered(Duration.between(event.createdAt(), clock.instant()));
                    Instant renewed = clock.instant().plus(lease);
                    CaseDeliveries.advance(pool, caseId, event.seq(), owner, renewed).onComplete(ar -> {
                        if (ar.failed()) {
                            done.fail(ar.cause());
                        } else if (!ar.result()) {
                            LOG.warn("Lost the lease on a case during webhook delivery; another instance carries on");
                            done.complete();
                        } else {
                            delivered = event.seq();
                            failures = 0;
                            leaseUntil = renewed;
                            send(events, i + 1);
                        }
                    });
                    return;
                }
                metrics.failed(result.kind());
                failures++;
                Duration wait = Backoff.after(failures, maxBackoff, random);
                LOG.info("Webhook delivery failed ({}); the case is tried again in {} (failure {} in a row)",
                        result.error(), wait, failures);
                CaseDeliveries.fail(pool, caseId, clock.instant().plus(wait), result.error(), owner)
                        .onComplete(ar -> done.handle(ar));
            });
        }

        private void release() {
            CaseDeliveries.release(pool, caseId, owner).onComplete(done);
        }
    }
}
