package io.parley.channel.wechat;

import io.parley.channel.AttemptChange;
import io.parley.channel.ChannelServices;
import io.parley.domain.Channel;
import io.parley.inbound.InboundReply;
import io.parley.inbound.ReplyRouter;
import io.parley.reply.ReplyIntent;
import io.parley.store.StatusChange;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the channel told the rest of Parley, kept in order, for tests of the channel on its own. */
final class RecordingServices implements ChannelServices {
    record Standing(Channel channel, String address, ContactPointStanding standing, String reason) {
    }

    final List<AttemptChange> changes = new CopyOnWriteArrayList<>();
    final List<InboundReply> replies = new CopyOnWriteArrayList<>();
    final List<Standing> standings = new CopyOnWriteArrayList<>();
    volatile String answer;
    volatile java.time.Duration delay = java.time.Duration.ZERO;

    @Override
    public Future<List<StatusChange>> record(List<AttemptChange> attemptChanges) {
        changes.addAll(attemptChanges);
        return Future.succeededFuture(List.of());
    }

    @Override
    public Future<Void> note(UUID attemptId, String kind, JsonObject data) {
        return Future.succeededFuture();
    }

    @Override
    public Future<ReplyRouter.Routed> reply(InboundReply reply) {
        replies.add(reply);
        ReplyRouter.Routed routed = new ReplyRouter.Routed(false, ReplyIntent.OTHER, Optional.ofNullable(answer),
                List.of());
        if (delay.isZero()) {
            return Future.succeededFuture(routed);
        }
        io.vertx.core.Promise<ReplyRouter.Routed> later = io.vertx.core.Promise.promise();
        new java.util.Timer(true).schedule(new java.util.TimerTask() {
            @Override
            public void run() {
                later.complete(routed);
            }
        }, delay.toMillis());
        return later.future();
    }

    @Override
    public Future<Void> promise(Channel channel, java.util.UUID attemptId, java.math.BigDecimal amount,
                                java.time.LocalDate date, String providerRef) {
        return Future.succeededFuture();
    }

    @Override
    public Future<Integer> contactPoint(Channel channel, String address, ContactPointStanding standing,
                                        String reason) {
        standings.add(new Standing(channel, address, standing, reason));
        return Future.succeededFuture(1);
    }
}
