package io.parley.channel;

import io.parley.domain.Channel;
import io.parley.store.InboundRequests;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A channel's inbound requests, raw first: each is stored before anything else is done with it (one insert; when it
 * fails the provider is told to try again later and nothing was done), then acted on; the provider gets its answer
 * within {@code answerWithin}, with what acting produced if it was done by then. A request seen before (a provider's
 * retry, a bounce sent twice) changes nothing. One whose work failed stays pending and is taken up again by
 * {@link InboundRedelivery}; one that cannot be read is quarantined.
 */
public final class InboundInbox {
    /** How long a request being acted on is left to the instance that took it, before another may take it up. */
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(InboundInbox.class);

    /** Acts on a stored request; fails to leave it pending for another try. */
    @FunctionalInterface
    public interface Work {
        Future<Handled> act(JsonObject payload, Instant receivedAt);
    }

    /**
     * What acting on a request came to: an outcome for the record, the answer for the provider if any, and whether
     * the request could not be read at all (quarantined for a person).
     */
    public record Handled(String outcome, Optional<String> answer, boolean unreadable) {
        public static Handled done(String outcome, Optional<String> answer) {
            return new Handled(outcome, answer, false);
        }

        public static Handled quarantine(String reason) {
            return new Handled(reason, Optional.empty(), true);
        }
    }

    /** Whether a request was new, and what acting on it produced if that was done in time. */
    public record Arrival(boolean fresh, Optional<Handled> handled) {
    }

    private final Channel channel;
    private final Pool pool;
    private final Vertx vertx;
    private final Clock clock;
    private final Duration answerWithin;
    private final Work work;

    public InboundInbox(Channel channel, ChannelContext context, Duration answerWithin, Work work) {
        this.channel = channel;
        this.pool = context.pool();
        this.vertx = context.vertx();
        this.clock = context.clock();
        this.answerWithin = answerWithin;
        this.work = work;
    }

    /** Stores the request (failing when it cannot be stored), then acts on it if it is new. */
    public Future<Arrival> arrive(String dedupeKey, JsonObject payload) {
        long arrivedAt = System.nanoTime();
        Instant now = clock.instant();
        return InboundRequests.store(pool, channel, dedupeKey, payload, now, LEASE).compose(isNew -> {
            if (!isNew) {
                return Future.succeededFuture(new Arrival(false, Optional.empty()));
            }
            return within(act(dedupeKey, payload, now), arrivedAt).map(done -> new Arrival(true, done));
        });
    }

    /** Acts on a stored request and marks it ended; a failure leaves it pending, to be taken up again. */
    Future<Handled> act(String dedupeKey, JsonObject payload, Instant receivedAt) {
        Future<Handled> handled;
        try {
            handled = work.act(payload, receivedAt);
        } catch (RuntimeException e) {
            handled = Future.failedFuture(e);
        }
        return handled.compose(h -> InboundRequests.end(pool, channel, dedupeKey, h.unreadable()
                        ? InboundRequests.End.QUARANTINED : InboundRequests.End.PROCESSED, clock.instant(), h.outcome())
                        .map(h))
                .onFailure(e -> LOG.warn("An inbound {} request could not be acted on yet, it will be taken up again: {}",
                        channel.wire(), e.toString()));
    }

    /** Gives up a request that failed too many times, keeping the reason. */
    Future<Void> abandon(String dedupeKey, String reason) {
        return InboundRequests.end(pool, channel, dedupeKey, InboundRequests.End.ABANDONED, clock.instant(), reason);
    }

    Channel channel() {
        return channel;
    }

    Pool pool() {
        return pool;
    }

    Clock clock() {
        return clock;
    }

    /** The loop that takes up this channel's pending requests again, every {@code interval}. */
    public InboundRedelivery redelivery(Duration interval) {
        return new InboundRedelivery(this, interval);
    }

    private Future<Optional<Handled>> within(Future<Handled> acting, long arrivedAt) {
        Promise<Optional<Handled>> answer = Promise.promise();
        long left = Math.max(1, answerWithin.toMillis() - (System.nanoTime() - arrivedAt) / 1_000_000);
        long timer = vertx.setTimer(left, t -> answer.tryComplete(Optional.empty()));
        acting.onComplete(done -> {
            vertx.cancelTimer(timer);
            answer.tryComplete(done.succeeded() ? Optional.of(done.result()) : Optional.empty());
        });
        return answer.future();
    }
}
