package io.parley.channel.wechat;

import io.parley.channel.AttemptChange;
import io.parley.channel.ChannelServices;
import io.parley.channel.ChannelServices.ContactPointStanding;
import io.parley.channel.wechat.store.TemplateSends;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.inbound.InboundReply;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a message from the platform means for Parley: a user's text is a reply, classified and acted on like every
 * reply (its one answer goes back as the passive reply); subscribe and unsubscribe change the OpenID's consent on
 * this channel; TEMPLATESENDJOBFINISH moves the attempt that carried the template message to its delivery status.
 * Anything else is kept and ignored.
 */
final class PlatformNews {
    static final String SUBSCRIBE = "subscribe";
    static final String UNSUBSCRIBE = "unsubscribe";
    static final String TEMPLATE_FINISHED = "TEMPLATESENDJOBFINISH";

    private final ChannelServices services;
    private final TemplateSends sends;

    PlatformNews(ChannelServices services, TemplateSends sends) {
        this.services = services;
        this.sends = sends;
    }

    /** What came of a message: the outcome kept with it, and the text to answer the user with, if any. */
    record Handled(String outcome, Optional<String> answer) {
        static Handled of(String outcome) {
            return new Handled(outcome, Optional.empty());
        }
    }

    /**
     * Acts on one message. Fails when it cannot be acted on yet (the database is away, the template message's
     * attempt is not known yet), so that it is taken up again later.
     *
     * @param receivedAt when it first arrived
     */
    Future<Handled> handle(InboundMessage message, Instant receivedAt) {
        if (InboundMessage.TEXT.equals(message.msgType())) {
            String msgId = message.fields().getOrDefault("MsgId", message.dedupeKey());
            InboundReply reply = new InboundReply(Channel.WECHAT, msgId, message.fromUser(), message.toUser(),
                    message.content(), receivedAt, null);
            return services.reply(reply).map(routed -> new Handled(routed.duplicate() ? "reply duplicate"
                    : "reply " + routed.intent().wire(), routed.answer()));
        }
        if (!InboundMessage.EVENT.equals(message.msgType())) {
            return Future.succeededFuture(Handled.of("ignored: " + message.msgType()));
        }
        return switch (message.event()) {
            case SUBSCRIBE -> services.contactPoint(Channel.WECHAT, message.fromUser(), ContactPointStanding.VALID,
                    "subscribed to the official account").map(changed -> Handled.of("subscribe"));
            case UNSUBSCRIBE -> services.contactPoint(Channel.WECHAT, message.fromUser(),
                    ContactPointStanding.OPTED_OUT, "unsubscribed from the official account")
                    .map(changed -> Handled.of("unsubscribe"));
            case TEMPLATE_FINISHED -> delivery(message);
            default -> Future.succeededFuture(Handled.of("ignored: event " + message.event()));
        };
    }

    private Future<Handled> delivery(InboundMessage message) {
        String msgId = message.templateMsgId();
        if (msgId == null || msgId.isEmpty()) {
            return Future.succeededFuture(Handled.of("ignored: a delivery report without MsgID"));
        }
        return sends.attempt(msgId).compose(attempt -> attempt.isEmpty()
                ? Future.failedFuture(new IllegalStateException("no attempt is known for template message " + msgId))
                : services.record(List.of(change(attempt.get(), msgId, message.status())))
                        .map(changed -> Handled.of("delivery " + message.status())));
    }

    /** success: delivered; failed:user block: the user refuses the account's messages; failed: system failed. */
    static AttemptChange change(UUID attemptId, String msgId, String status) {
        String normalized = status.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        return switch (normalized) {
            case "success" -> AttemptChange.of(attemptId, AttemptStatus.DELIVERED, msgId);
            case "failed:userblock" -> AttemptChange.failed(attemptId, AttemptStatus.UNDELIVERED, msgId, "user block",
                    "the user blocks the account's template messages");
            default -> AttemptChange.failed(attemptId, AttemptStatus.FAILED, msgId, status.isEmpty() ? "failed"
                    : status, "the platform could not deliver the template message (" + status + ")");
        };
    }
}
