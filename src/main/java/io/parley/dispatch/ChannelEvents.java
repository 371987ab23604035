package io.parley.dispatch;

import io.parley.channel.AttemptChange;
import io.parley.channel.ChannelServices;
import io.parley.domain.Channel;
import io.parley.inbound.InboundReply;
import io.parley.inbound.ReplyRouter;
import io.parley.store.Attempts;
import io.parley.store.StatusChange;
import io.parley.store.ContactPointStatus;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What channel modules tell the rest of Parley: attempt news to {@link Outcomes} (in groups), replies to the reply
 * router.
 */
public final class ChannelEvents implements ChannelServices {
    private final Pool pool;
    private final GroupedChanges outcomes;
    private final ReplyRouter replies;
    private final Clock clock;

    public ChannelEvents(Pool pool, GroupedChanges outcomes, ReplyRouter replies, Clock clock) {
        this.pool = pool;
        this.outcomes = outcomes;
        this.replies = replies;
        this.clock = clock;
    }

    /** Each change goes with the next group of provider news (many rows per transaction), committed before this completes. */
    @Override
    public Future<List<StatusChange>> record(List<AttemptChange> changes) {
        List<Future<List<StatusChange>>> each = changes.stream().map(c -> outcomes.record(new Attempts.Change(
                c.attemptId(), c.status(), c.providerRef(), c.errorCode(), c.errorMessage(), c.outcome()), null,
                c.details())).toList();
        return Future.all(each).map(all -> each.stream().flatMap(f -> f.result().stream()).toList());
    }

    @Override
    public Future<Void> note(UUID attemptId, String kind, JsonObject data) {
        return Attempts.find(pool, attemptId).compose(ref -> ref.isEmpty()
                ? Future.failedFuture(new IllegalArgumentException("no attempt " + attemptId))
                : Timeline.append(pool, new TimelineEntry(ref.get().caseId(), ref.get().enrollmentId(),
                        clock.instant(), kind, data.copy().put("attemptId", attemptId.toString()))));
    }

    @Override
    public Future<ReplyRouter.Routed> reply(InboundReply reply) {
        return replies.route(reply);
    }

    @Override
    public Future<List<Future<ReplyRouter.Routed>>> replies(List<InboundReply> many) {
        return replies.routeAll(many);
    }

    @Override
    public Future<Void> promise(Channel channel, UUID attemptId, java.math.BigDecimal amount,
                                java.time.LocalDate date, String providerRef) {
        return replies.promised(channel, attemptId, amount, date, providerRef);
    }

    @Override
    public Future<Integer> contactPoint(Channel channel, String address, ContactPointStanding standing,
                                        String reason) {
        Future<Boolean> changed = switch (standing) {
            case OPTED_OUT -> replies.pointStanding(channel, address, List.of(ContactPointStatus.VALID),
                    ContactPointStatus.OPTED_OUT, reason, TimelineKinds.CONTACT_OPTED_OUT);
            case VALID -> replies.pointStanding(channel, address, List.of(ContactPointStatus.OPTED_OUT),
                    ContactPointStatus.VALID, reason, TimelineKinds.CONTACT_OPTED_IN);
            case INVALID -> replies.pointStanding(channel, address, List.of(ContactPointStatus.VALID,
                    ContactPointStatus.OPTED_OUT), ContactPointStatus.INVALID, reason, TimelineKinds.CONTACT_INVALID);
        };
        return changed.map(any -> any ? 1 : 0);
    }
}
