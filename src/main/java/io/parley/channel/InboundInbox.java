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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A channel's inbound requests, raw first: each is stored before anything else is done with it (requests arriving
 * together share one insert and one commit; when it fails the provider is told to try again later and nothing was
 * done), then acted on, many together; the provider gets its answer
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

        /**
         * Acts on many stored requests, answering each in order with a completed future: a failed one stays pending.
         * By default one by one, side by side; a channel whose work can share a transaction does better.
         */
        default Future<List<Future<Handled>>> actAll(List<InboundRequests.Raw> requests) {
            List<Future<Handled>> each = new ArrayList<>(requests.size());
            for (InboundRequests.Raw r : requests) {
                Future<Handled> one;
                try {
                    one = act(r.payload(), r.receivedAt());
                } catch (RuntimeException e) {
                    one = Future.failedFuture(e);
                }
                each.add(one);
            }
            return Future.join(each).otherwiseEmpty().map(each);
        }
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

    /** Requests stored together: many arrivals share one insert and one commit. */
    static final int STORE_GROUP = 256;
    /** Requests acted on together, one transaction when the work can share one. */
    static final int ACT_GROUP = 8;
    /** Groups acted on at once: each is a transaction whose statements wait on one another, so several go side by side. */
    private static final int ACTING_AT_ONCE = 8;
    private static final Duration STORE_WINDOW = Duration.ofMillis(2);
    private static final Duration ACT_WINDOW = Duration.ofMillis(2);

    private final Channel channel;
    private final Pool pool;
    private final Vertx vertx;
    private final Clock clock;
    private final Duration answerWithin;
    private final Work work;
    private final GroupQueue<InboundRequests.Raw, Boolean> stores;
    private final GroupQueue<InboundRequests.Raw, Optional<Handled>> acts;

    public InboundInbox(Channel channel, ChannelContext context, Duration answerWithin, Work work) {
        this.channel = channel;
        this.pool = context.pool();
        this.vertx = context.vertx();
        this.clock = context.clock();
        this.answerWithin = answerWithin;
        this.work = work;
        this.stores = new GroupQueue<>(vertx, "inbound " + channel.wire() + " stores", STORE_GROUP, STORE_WINDOW, 2,
                this::storeAll);
        this.acts = new GroupQueue<>(vertx, "inbound " + channel.wire() + " requests", ACT_GROUP, ACT_WINDOW,
                ACTING_AT_ONCE,
                raws -> actAll(raws).map(results -> results.stream()
                        .map(f -> f.succeeded() ? Optional.of(f.result()) : Optional.<Handled>empty()).toList()));
    }

    /**
     * Stores the request with others arriving at the same moment (failing when it cannot be stored: nothing was
     * kept and nothing done), then, if it is new, acts on it with others stored at the same moment.
     */
    public Future<Arrival> arrive(String dedupeKey, JsonObject payload) {
        long arrivedAt = System.nanoTime();
        InboundRequests.Raw raw = new InboundRequests.Raw(dedupeKey, payload, clock.instant());
        return stores.submit(raw).compose(isNew -> {
            if (!isNew) {
                return Future.succeededFuture(new Arrival(false, Optional.empty()));
            }
            return within(acts.submit(raw), arrivedAt).map(done -> new Arrival(true, done));
        });
    }

    /** One insert for the group; a key seen twice in it is new the first time at most. */
    private Future<List<Boolean>> storeAll(List<InboundRequests.Raw> raws) {
        return InboundRequests.storeAll(pool, channel, raws, LEASE).map(fresh -> {
            List<Boolean> answers = new ArrayList<>(raws.size());
            for (InboundRequests.Raw raw : raws) {
                answers.add(fresh.remove(raw.dedupeKey()));
            }
            return answers;
        });
    }

    /**
     * Acts on stored requests together and marks those done ended, in one statement; a failed one stays pending, to
     * be taken up again. Answers each in order with a completed future.
     */
    Future<List<Future<Handled>>> actAll(List<InboundRequests.Raw> raws) {
        Future<List<Future<Handled>>> acting;
        try {
            acting = work.actAll(raws);
        } catch (RuntimeException e) {
            acting = Future.failedFuture(e);
        }
        return acting.compose(results -> {
            List<InboundRequests.Ended> ended = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) {
                Future<Handled> r = results.get(i);
                if (r.succeeded()) {
                    ended.add(new InboundRequests.Ended(raws.get(i).dedupeKey(), r.result().unreadable()
                            ? InboundRequests.End.QUARANTINED : InboundRequests.End.PROCESSED, r.result().outcome()));
                } else {
                    LOG.warn("An inbound {} request could not be acted on yet, it will be taken up again: {}",
                            channel.wire(), r.cause().toString());
                }
            }
            return InboundRequests.endAll(pool, channel, ended, clock.instant()).map(results);
        }).onFailure(e -> LOG.warn("{} inbound {} requests could not be acted on yet, they will be taken up again: {}",
                raws.size(), channel.wire(), e.toString()));
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

    private Future<Optional<Handled>> within(Future<Optional<Handled>> acting, long arrivedAt) {
        Promise<Optional<Handled>> answer = Promise.promise();
        long left = Math.max(1, answerWithin.toMillis() - (System.nanoTime() - arrivedAt) / 1_000_000);
        long timer = vertx.setTimer(left, t -> answer.tryComplete(Optional.empty()));
        acting.onComplete(done -> {
            vertx.cancelTimer(timer);
            answer.tryComplete(done.succeeded() ? done.result() : Optional.empty());
        });
        return answer.future();
    }
}
