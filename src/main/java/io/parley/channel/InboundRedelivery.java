package io.parley.channel;

import io.parley.lifecycle.Loop;
import io.parley.store.InboundRequests;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes up again, every {@code interval}, a channel's stored requests that were not acted on (the instance stopped,
 * the database was away, acting failed). One that still fails after {@link #MAX_TRIES} is abandoned, with the reason
 * kept and logged.
 */
public final class InboundRedelivery extends VerticleBase {
    static final int MAX_TRIES = 20;
    private static final Logger LOG = LoggerFactory.getLogger(InboundRedelivery.class);
    private static final int BATCH = 50;

    private final InboundInbox inbox;
    private final Duration interval;
    private final AtomicBoolean busy = new AtomicBoolean();
    private Loop loop;

    InboundRedelivery(InboundInbox inbox, Duration interval) {
        this.inbox = inbox;
        this.interval = interval;
    }

    @Override
    public Future<?> start() {
        // a full batch means more may be waiting: the next pass follows at once
        loop = new Loop(vertx, interval, () -> runOnce().map(taken -> taken >= BATCH)).startAfterInterval();
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return loop == null ? Future.succeededFuture() : loop.stop();
    }

    /** One pass over the requests whose lease ran out; completes when each was acted on or failed again. */
    public Future<Integer> runOnce() {
        if (!busy.compareAndSet(false, true)) {
            return Future.succeededFuture(0);
        }
        return InboundRequests.claim(inbox.pool(), inbox.channel(), inbox.clock().instant(), InboundInbox.LEASE, BATCH)
                .compose(pending -> {
                    if (pending.isEmpty()) {
                        return Future.succeededFuture(0);
                    }
                    List<InboundRequests.Raw> raws = pending.stream().map(p -> new InboundRequests.Raw(p.dedupeKey(),
                            p.payload(), p.receivedAt())).toList();
                    // acted on together; if that fails as a whole, each is tried alone so one bad request fails alone
                    return inbox.actAll(raws).recover(e -> pending.size() == 1 ? Future.succeededFuture(
                                    List.of(Future.<InboundInbox.Handled>failedFuture(e))) : oneByOne(raws))
                            .compose(results -> {
                                List<Future<Void>> given = new ArrayList<>();
                                for (int i = 0; i < results.size(); i++) {
                                    if (results.get(i).failed()) {
                                        given.add(giveUpIfTooMany(pending.get(i), results.get(i).cause()));
                                    }
                                }
                                return Future.join(given).map(pending.size());
                            });
                }).onComplete(done -> busy.set(false))
                .onFailure(e -> LOG.warn("Taking up pending inbound {} requests failed: {}", inbox.channel().wire(),
                        e.toString()));
    }

    private Future<List<Future<InboundInbox.Handled>>> oneByOne(List<InboundRequests.Raw> raws) {
        List<Future<InboundInbox.Handled>> each = new ArrayList<>(raws.size());
        for (InboundRequests.Raw raw : raws) {
            each.add(inbox.actAll(List.of(raw)).transform(done -> done.succeeded() ? done.result().get(0)
                    : Future.failedFuture(done.cause())));
        }
        return Future.join(each).otherwiseEmpty().map(each);
    }

    private Future<Void> giveUpIfTooMany(InboundRequests.Pending pending, Throwable e) {
        if (pending.tries() < MAX_TRIES) {
            return Future.succeededFuture();
        }
        LOG.warn("Giving up an inbound {} request after {} tries: {}", inbox.channel().wire(), pending.tries(),
                e.toString());
        return inbox.abandon(pending.dedupeKey(), "abandoned: " + e.getMessage());
    }
}
