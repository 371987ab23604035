package io.parley.channel.wechat;

import io.parley.channel.wechat.store.WechatInbox;
import io.parley.lifecycle.Loop;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes up again, every {@code interval}, the stored messages that were not acted on (the instance stopped, the database was
 * away, a delivery report came before its send was recorded). One that still fails after {@link #MAX_TRIES} is
 * given up, with the reason kept and logged.
 */
final class Redelivery extends VerticleBase {
    static final int MAX_TRIES = 20;
    private static final Logger LOG = LoggerFactory.getLogger(Redelivery.class);
    private static final int BATCH = 50;

    private final WechatInbox inbox;
    private final Arrivals arrivals;
    private final Clock clock;
    private final Duration interval;
    private final AtomicBoolean busy = new AtomicBoolean();
    private Loop loop;

    Redelivery(WechatInbox inbox, Arrivals arrivals, Clock clock, Duration interval) {
        this.inbox = inbox;
        this.arrivals = arrivals;
        this.clock = clock;
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

    /** One pass over the messages whose lease ran out; completes when each was acted on or failed again. */
    Future<Integer> runOnce() {
        if (!busy.compareAndSet(false, true)) {
            return Future.succeededFuture(0);
        }
        return inbox.claim(clock.instant(), Arrivals.LEASE, BATCH).compose(pending -> {
            Future<Void> chain = Future.succeededFuture();
            for (WechatInbox.Pending p : pending) {
                chain = chain.compose(v -> takeUp(p));
            }
            return chain.map(pending.size());
        }).onComplete(done -> busy.set(false))
                .onFailure(e -> LOG.warn("Taking up pending WeChat messages failed: {}", e.toString()));
    }

    private Future<Void> takeUp(WechatInbox.Pending pending) {
        InboundMessage message;
        try {
            message = InboundMessage.of(pending.fields());
        } catch (WechatProtocolException e) {
            return inbox.processed(pending.dedupeKey(), clock.instant(), "abandoned: " + e.getMessage());
        }
        return arrivals.act(message, pending.receivedAt()).<Void>mapEmpty().recover(e -> {
            if (pending.tries() < MAX_TRIES) {
                return Future.succeededFuture();
            }
            LOG.warn("Giving up a WeChat {} after {} tries: {}", message.msgType(), pending.tries(), e.toString());
            return inbox.processed(pending.dedupeKey(), clock.instant(), "abandoned: " + e.getMessage());
        });
    }
}
