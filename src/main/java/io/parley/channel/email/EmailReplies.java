package io.parley.channel.email;

import io.parley.channel.email.inbound.Bounce;
import io.parley.channel.email.inbound.InboundEmail;
import io.parley.channel.email.inbound.MailAuthentication;
import io.parley.channel.email.inbound.ReplyCorrelation;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.inbound.InboundReply;
import io.parley.channel.ChannelServices;
import io.parley.observability.Metrics;
import io.parley.store.Attempts;
import io.parley.store.Debtors;
import io.parley.store.ContactPointStatus;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What an inbound email means, whichever way it came (IMAP or the inbound webhook): a person's reply is routed like
 * any reply; an auto-reply (out of office) is recorded on the timeline but not taken as the debtor speaking; a
 * bounce marks the address invalid (5.x.x) or notes a soft bounce (4.x.x) against the attempt it returns.
 */
public final class EmailReplies {
    /** Timeline kinds of the email channel: an automatic answer (out of office), a temporary bounce. */
    public static final String AUTO_REPLY = "reply.auto";
    public static final String SOFT_BOUNCE = "email.soft_bounce";

    private final Pool pool;
    private final ChannelServices router;
    private final String replyDomain;
    private final Metrics metrics;
    private final Clock clock;

    public EmailReplies(Pool pool, ChannelServices router, String replyDomain, Metrics metrics, Clock clock) {
        this.pool = pool;
        this.router = router;
        this.replyDomain = replyDomain;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Completes with what the email was taken as: its intent, "auto_reply", "bounce" or "soft_bounce". */
    public Future<String> receive(InboundEmail email) {
        Optional<ReplyCorrelation.Match> match = ReplyCorrelation.match(email, replyDomain);
        UUID attemptId = match.map(ReplyCorrelation.Match::attemptId).orElse(null);
        String ref = email.messageId() == null ? "no-id:" + UUID.nameUUIDFromBytes((email.from() + email.subject()
                + email.plainBody()).getBytes(java.nio.charset.StandardCharsets.UTF_8)) : email.messageId();
        return switch (email.kind()) {
            case REPLY -> router.reply(new InboundReply(Channel.EMAIL, ref, normalised(email.from()),
                            email.to().isEmpty() ? null : email.to().get(0), email.replyText(),
                            email.date() == null ? clock.instant() : email.date(), attemptId,
                            MailAuthentication.doubt(email.headers().get(MailAuthentication.HEADER), email.from())
                                    .orElse(null)))
                    .map(routed -> routed.duplicate() ? "duplicate" : routed.intent().wire());
            case AUTO_REPLY -> note(attemptId, AUTO_REPLY, new JsonObject().put("from", email.from())
                    .put("subject", email.subject())).map("auto_reply");
            case BOUNCE -> bounce(attemptId, email.bounce());
        };
    }

    /** An address as contact points store it: the domain in lower case. */
    static String normalised(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private Future<String> bounce(UUID attemptId, Bounce bounce) {
        metrics.reply("email", bounce.permanent() ? "bounce" : "soft_bounce");
        if (attemptId == null) {
            return Future.succeededFuture(bounce.permanent() ? "bounce" : "soft_bounce");
        }
        return Transactions.run(pool, conn -> Attempts.find(conn, attemptId).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture();
            }
            Attempts.Addressed a = found.get();
            Instant now = clock.instant();
            JsonObject data = new JsonObject().put("attemptId", attemptId.toString())
                    .put("address", a.contactAddress()).put("status", bounce.status())
                    .put("diagnostic", bounce.diagnostic());
            if (!bounce.permanent()) {
                return Timeline.append(conn, new TimelineEntry(a.caseId(), a.enrollmentId(), now, SOFT_BOUNCE, data));
            }
            return Attempts.advance(conn, List.of(new Attempts.Change(attemptId, AttemptStatus.UNDELIVERED, null,
                            bounce.status(), "bounced: " + bounce.diagnostic(), AttemptOutcome.FAILED)), now)
                    .compose(v -> Debtors.setStatus(conn, a.debtorId(), Channel.EMAIL, a.contactAddress(),
                            List.of(ContactPointStatus.VALID, ContactPointStatus.OPTED_OUT), ContactPointStatus.INVALID,
                            "bounced " + bounce.status(), now))
                    .compose(v -> Timeline.append(conn, new TimelineEntry(a.caseId(), a.enrollmentId(), now,
                            TimelineKinds.CONTACT_INVALID, data.put("channel", "email")
                            .put("reason", "bounce " + bounce.status()))));
        })).map(bounce.permanent() ? "bounce" : "soft_bounce");
    }

    private Future<Void> note(UUID attemptId, String kind, JsonObject data) {
        metrics.reply("email", "auto_reply");
        if (attemptId == null) {
            return Future.succeededFuture();
        }
        return Transactions.run(pool, conn -> Attempts.find(conn, attemptId).compose(found -> found.isEmpty()
                ? Future.succeededFuture()
                : Timeline.append(conn, new TimelineEntry(found.get().caseId(), found.get().enrollmentId(),
                        clock.instant(), kind, data.put("attemptId", attemptId.toString())))));
    }

}
