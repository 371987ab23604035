package io.parley.channel.wechat;

import io.parley.channel.wechat.store.WechatInbox;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Messages as they arrive: stored first, once per dedupe key, then acted on. The platform waits 5 seconds for an
 * answer and pushes the message again when it gets none, so the answer goes out within {@code answerWithin}:
 * with the passive reply when acting on it was done by then, else empty while the work goes on. A message seen
 * before (a retry, a replay) is answered empty and changes nothing; one whose work failed is taken up again by
 * {@link Redelivery}.
 */
final class Arrivals {
    /** How long a message being acted on is left to the instance that took it, before another may take it up. */
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(Arrivals.class);

    private final WechatInbox inbox;
    private final PlatformNews news;
    private final Vertx vertx;
    private final Clock clock;
    private final Duration answerWithin;

    Arrivals(WechatInbox inbox, PlatformNews news, Vertx vertx, Clock clock, Duration answerWithin) {
        this.inbox = inbox;
        this.news = news;
        this.vertx = vertx;
        this.clock = clock;
        this.answerWithin = answerWithin;
    }

    /** Whether a message was new, and the text to answer the user with if acting on it produced one in time. */
    record Arrival(boolean fresh, Optional<String> answer) {
    }

    Future<Arrival> arrive(InboundMessage message) {
        long arrivedAt = System.nanoTime();
        Instant now = clock.instant();
        return inbox.store(message.dedupeKey(), message.msgType(), message.fromUser(), message.fields(), now, LEASE)
                .compose(isNew -> {
                    if (!isNew) {
                        return Future.succeededFuture(new Arrival(false, Optional.empty()));
                    }
                    Future<PlatformNews.Handled> work = act(message, now);
                    return within(work, arrivedAt)
                            .map(done -> new Arrival(true, done.flatMap(PlatformNews.Handled::answer)));
                });
    }

    /** Acts on a stored message and marks it processed; a failure leaves it pending, to be taken up again. */
    Future<PlatformNews.Handled> act(InboundMessage message, Instant receivedAt) {
        return news.handle(message, receivedAt)
                .compose(handled -> inbox.processed(message.dedupeKey(), clock.instant(), handled.outcome())
                        .map(handled))
                .onFailure(e -> LOG.warn("A WeChat {} could not be acted on yet, it will be taken up again: {}",
                        message.msgType(), e.toString()));
    }

    /** The work's result if it is done within answerWithin of the arrival, else empty (the work goes on). */
    private Future<Optional<PlatformNews.Handled>> within(Future<PlatformNews.Handled> work, long arrivedAt) {
        Promise<Optional<PlatformNews.Handled>> answer = Promise.promise();
        long left = Math.max(1, answerWithin.toMillis() - (System.nanoTime() - arrivedAt) / 1_000_000);
        long timer = vertx.setTimer(left, t -> answer.tryComplete(Optional.empty()));
        work.onComplete(done -> {
            vertx.cancelTimer(timer);
            answer.tryComplete(done.succeeded() ? Optional.of(done.result()) : Optional.empty());
        });
        return answer.future();
    }
}
