package io.parley.channel;

import io.parley.domain.Channel;
import io.parley.inbound.InboundReply;
import io.parley.inbound.ReplyRouter;
import io.parley.store.StatusChange;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;

/**
 * How a channel's provider news reaches the rest of Parley: attempt statuses and outcomes (which move sequences on),
 * channel events on the case timeline, debtors' replies (classified and acted on like every reply), and changes to
 * a contact point's standing.
 */
public interface ChannelServices {

    /**
     * Moves attempts forward to the statuses given (never back: duplicates and late callbacks change nothing), notes
     * each change on the timeline, and settles the enrollments whose attempt reached a final outcome.
     */
    Future<List<StatusChange>> record(List<AttemptChange> changes);

    /** Notes a channel event about an attempt (a call's flow, a letter's journey) on its case's timeline. */
    Future<Void> note(UUID attemptId, String kind, JsonObject data);

    /** A debtor's reply, classified and acted on exactly as every other reply. */
    Future<ReplyRouter.Routed> reply(InboundReply reply);

    /**
     * Many replies, each as {@link #reply} acts on it, answered in order with completed futures (one failing alone).
     * By default one by one, side by side.
     */
    default Future<List<Future<ReplyRouter.Routed>>> replies(List<InboundReply> replies) {
        List<Future<ReplyRouter.Routed>> each = replies.stream().map(this::reply).toList();
        return Future.join(each).otherwiseEmpty().map(each);
    }

    /**
     * A promise to pay made through the channel itself (keyed in during a call), about the attempt's case: recorded
     * and acted on exactly as a promise in a reply (the case's sequences that pause on promises pause until the day
     * plus grace; then kept, or broken and on to the broken-promise step).
     *
     * @param providerRef the provider's reference of the contact it was made in (a call's SID)
     */
    Future<Void> promise(Channel channel, UUID attemptId, java.math.BigDecimal amount, java.time.LocalDate date,
                         String providerRef);

    /**
     * Changes the standing of every contact point of this channel and address (for all debtors who have it):
     * opted out, valid again, or invalid, with the reason recorded on the timeline of their open cases.
     *
     * @return 1 when any contact point changed, else 0
     */
    Future<Integer> contactPoint(Channel channel, String address, ContactPointStanding standing, String reason);

    /** Where a contact point stands, as a channel can tell it. */
    enum ContactPointStanding {
        OPTED_OUT, VALID, INVALID
    }
}
