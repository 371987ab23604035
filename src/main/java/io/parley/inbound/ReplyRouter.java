package io.parley.inbound;

import io.parley.domain.CaseEventType;
import io.parley.domain.Channel;
import io.parley.enrollment.CaseEvents;
import io.parley.observability.Metrics;
import io.parley.reply.Classification;
import io.parley.reply.ClassificationWire;
import io.parley.reply.ReplyClassifier;
import io.parley.reply.ReplyIntent;
import io.parley.store.ContactPointStatus;
import io.parley.store.InboundMessages;
import io.parley.store.Locks;
import io.parley.store.Suppressions;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a debtor's reply, on any channel, into what it means for their cases, in one transaction: recorded once
 * (redeliveries change nothing), classified, written to the timeline of every case it concerns with the intents and
 * the classifier's reasons, and acted on ({@link ReplyEffects}): its opt-out on the address suppression list and the
 * contact points of the channels it names, then its primary and secondary intent. Serialised with dispatch decisions
 * by the debtor's lock. A channel's own word on an address (the platform says the user unsubscribed) goes on the
 * suppression list the same way.
 */
public final class ReplyRouter {
    private final Pool pool;
    private final ReplyClassifier classifier;
    private final CaseEvents caseEvents;
    private final ReplyEffects effects;
    private final ZoneId defaultZone;
    private final Metrics metrics;
    private final Clock clock;

    public ReplyRouter(Pool pool, ReplyClassifier classifier, CaseEvents caseEvents, String company, String phone,
                       ZoneId defaultZone, Metrics metrics, Clock clock) {
        this.pool = pool;
        this.classifier = classifier;
        this.caseEvents = caseEvents;
        this.effects = new ReplyEffects(caseEvents, new Confirmations(company, phone));
        this.defaultZone = defaultZone;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What came of a reply: its intent, and the one answer to send back on its channel, if any. */
    public record Routed(boolean duplicate, ReplyIntent intent, Optional<String> answer, List<String> caseIds) {
    }

    /** How many times a reply's sender is looked up under locks before giving up (see {@link #lockedTargets}). */
    static final int LOOKUPS = 3;

    public Future<Routed> route(InboundReply reply) {
        return Transactions.run(pool, conn -> {
            List<TimelineEntry> timeline = new ArrayList<>();
            return routeIn(conn, reply, timeline).compose(routed -> Timeline.append(conn, timeline).map(routed));
        }).onSuccess(routed -> counted(reply, routed));
    }

    /**
     * Many replies in one transaction ({@link ReplyBatch}): each routed as {@link #route} routes it, one failing
     * alone; answered in order, each with a completed future.
     */
    public Future<List<Future<Routed>>> routeAll(List<InboundReply> replies) {
        return ReplyBatch.route(pool, this, replies);
    }

    /**
     * Routes the reply inside the caller's transaction, adding what it writes on the timeline to {@code timeline}
     * (the caller appends it before committing).
     */
    Future<Routed> routeIn(SqlConnection conn, InboundReply reply, List<TimelineEntry> timeline) {
        return routeIn(conn, reply, null, timeline);
    }

    /**
     * As {@link #routeIn(SqlConnection, InboundReply, List)}, taking the classification worked out ahead when it was
     * made for the locale and zone of the sender found now (else classifying here).
     */
    Future<Routed> routeIn(SqlConnection conn, InboundReply reply, ReplyBatch.Ahead ahead, List<TimelineEntry> timeline) {
        return lockedTargets(conn, reply, 1).compose(targets -> {
            Instant now = clock.instant();
            Classification c = ahead != null && ahead.fits(targets) ? ahead.classification()
                    : classify(reply, targets);
            JsonObject classification = json(c, reply.channel());
            return InboundMessages.record(conn, received(reply, targets, c, classification))
                    .compose(recorded -> actOn(conn, reply, targets, c, classification, recorded, now, timeline));
        });
    }

    /**
     * Whom the reply is from, as it stands under the locks of its cases and debtors: looked up, locked, then looked
     * up again (the second look goes out right behind the debtors' locks), since a change committed between the first
     * look and the locks - a contact point marked wrong, a case opened or closed - would otherwise be missed. When
     * the second look differs, its cases and debtors are locked in turn, up to {@link #LOOKUPS} times.
     */
    private Future<ReplyTargets.Targets> lockedTargets(SqlConnection conn, InboundReply reply, int lookup) {
        return ReplyTargets.find(conn, reply, defaultZone).compose(targets -> Locks.cases(conn, targets.caseIds())
                .compose(v -> {
                    Future<Void> debtors = Locks.debtors(conn, targets.debtorIds());
                    Future<ReplyTargets.Targets> again = ReplyTargets.find(conn, reply, defaultZone);
                    return Future.all(debtors, again).map(x -> again.result());
                })
                .compose(now -> {
                    if (now.equals(targets)) {
                        return Future.succeededFuture(now);
                    }
                    return lookup < LOOKUPS ? lockedTargets(conn, reply, lookup + 1)
                            : Future.failedFuture(new SendersChanged("whom the reply is from changed while its cases were "
                                    + "being locked, " + LOOKUPS + " times"));
                }));
    }

    /** The senders of replies changed while their locks were being taken (the replies are routed again). */
    static final class SendersChanged extends RuntimeException {
        SendersChanged(String message) {
            super(message);
        }
    }

    /** The message as recorded: what arrived, whom it was taken to concern, and what it means. */
    static InboundMessages.Received received(InboundReply reply, ReplyTargets.Targets targets, Classification c,
                                             JsonObject classification) {
        return new InboundMessages.Received(reply.channel(), reply.providerRef(), reply.from(), reply.to(),
                reply.text(), targets.debtorIds(), targets.caseIds(), c.intent().wire(), classification,
                reply.receivedAt());
    }

    /**
     * Acts on a reply under its cases' and debtors' locks, once its message is recorded: nothing when it was
     * recorded before; otherwise on the timeline, and through its effects unless its sender is in doubt.
     */
    Future<Routed> actOn(SqlConnection conn, InboundReply reply, ReplyTargets.Targets targets, Classification c,
                         JsonObject classification, boolean recorded, Instant now, List<TimelineEntry> timeline) {
        if (!recorded) {
            return Future.succeededFuture(new Routed(true, c.intent(), Optional.empty(), targets.caseIds()));
        }
        Optional<String> doubt = SenderCheck.doubt(reply, targets.address());
        if (doubt.isPresent()) {
            unknownSender(reply, targets, classification, doubt.get(), now, timeline);
            return Future.succeededFuture(new Routed(false, c.intent(), Optional.empty(), targets.caseIds()));
        }
        for (String caseId : targets.caseIds()) {
            timeline.add(new TimelineEntry(caseId, null, now, TimelineKinds.REPLY_RECEIVED, classification.copy()
                    .put("channel", reply.channel().wire()).put("from", reply.from())
                    .put("text", reply.text()).put("providerRef", reply.providerRef())));
        }
        return effects.act(conn, new ReplyEffects.Reply(reply, targets, c, now, timeline))
                .map(answer -> new Routed(false, c.intent(), answer, targets.caseIds()));
    }

    Instant now() {
        return clock.instant();
    }

    /** What the reply means, in the sender's language and zone. */
    Classification classify(InboundReply reply, ReplyTargets.Targets targets) {
        return classifier.classify(reply.text(), targets.locale(), targets.zone(), reply.receivedAt());
    }

    /** Whom each reply is from, looked up together. */
    Future<List<ReplyTargets.Targets>> targetsAll(SqlConnection conn, List<InboundReply> replies) {
        return ReplyTargets.findAll(conn, replies, defaultZone);
    }

    /** Counts a committed reply in the metrics. */
    void counted(InboundReply reply, Routed routed) {
        metrics.reply(reply.channel().wire(), routed.duplicate() ? "duplicate" : routed.intent().wire());
        if (!routed.duplicate() && (routed.intent() == ReplyIntent.OPT_OUT || routed.intent() == ReplyIntent.OPT_OUT_ALL)) {
            metrics.optOut(reply.channel().wire());
        }
    }

    /**
     * A channel's word on a contact point (the provider says the user unsubscribed, a letter came back): its status
     * changes for every debtor who has it, from any of the statuses given, with the reason on their cases' timelines.
     *
     * @return whether any contact point changed
     */
    public Future<Boolean> pointStanding(Channel channel, String address, List<ContactPointStatus> from,
                                         ContactPointStatus to, String why, String kind) {
        InboundReply word = new InboundReply(channel, null, address, null, "", clock.instant(), null);
        return Transactions.run(pool, conn -> ReplyTargets.find(conn, word, defaultZone).compose(targets -> {
            Instant now = clock.instant();
            List<TimelineEntry> timeline = new ArrayList<>();
            return Locks.cases(conn, targets.caseIds())
                    .compose(v -> Locks.debtors(conn, targets.debtorIds()))
                    .compose(v -> pointStatus(conn, word, targets, from, to, why, kind, now, timeline))
                    .compose(changed -> Timeline.append(conn, timeline).map(changed));
        }));
    }

    /**
     * A promise keyed in during a contact (a call), about that attempt's case: recorded as a reply's promise is,
     * under the same locks (the case, its queue rows, the debtor), with its source and the contact's reference.
     */
    public Future<Void> promised(Channel channel, UUID attemptId, BigDecimal amount, LocalDate date,
                                 String providerRef) {
        InboundReply keyed = new InboundReply(channel, providerRef, null, null, "", clock.instant(), attemptId);
        return Transactions.run(pool, conn -> ReplyTargets.find(conn, keyed, defaultZone).compose(targets -> {
            Instant now = clock.instant();
            List<TimelineEntry> timeline = new ArrayList<>();
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("amount", amount.toPlainString());
            details.put("date", date.toString());
            details.put("source", channel.wire());
            Future<Void> chain = Locks.cases(conn, targets.caseIds())
                    .compose(v -> Locks.debtors(conn, targets.debtorIds()));
            for (String caseId : targets.caseIds()) {
                chain = chain.compose(v -> caseEvents.applyIn(conn, caseId, CaseEventType.PROMISE_TO_PAY, now,
                        providerRef, details, now, timeline).mapEmpty());
            }
            return chain.compose(v -> Timeline.append(conn, timeline));
        }));
    }

    /** The contact point the word is about changes status (for every debtor who has it); true if any changed. */
    private Future<Boolean> pointStatus(SqlConnection conn, InboundReply word, ReplyTargets.Targets targets,
                                        List<ContactPointStatus> from, ContactPointStatus to, String why, String kind,
                                        Instant now, List<TimelineEntry> timeline) {
        AddressStanding.Change change = new AddressStanding.Change(word.channel(), targets.address(),
                Suppressions.Reason.OPT_OUT, from, to, why, kind, null);
        if (to == ContactPointStatus.OPTED_OUT) {
            return Suppressions.add(conn, new Suppressions.New(word.channel(), targets.address(),
                            Suppressions.Reason.OPT_OUT, "provider", null, why), now)
                    .compose(added -> AddressStanding.status(conn, change, targets, now, timeline)
                            .map(moved -> added || moved));
        }
        if (to == ContactPointStatus.VALID) {
            return Suppressions.lift(conn, word.channel(), targets.address(), List.of(Suppressions.Reason.OPT_OUT), why,
                            "provider", now)
                    .compose(lifted -> AddressStanding.status(conn, change, targets, now, timeline)
                            .map(moved -> !lifted.isEmpty() || moved));
        }
        return AddressStanding.status(conn, change, targets, now, timeline);
    }

    /**
     * A reply that may not act: recorded on its cases' timelines as from an unknown sender, with why and what it
     * would have meant, and flagged for a person; nothing else changes.
     */
    private static void unknownSender(InboundReply reply, ReplyTargets.Targets targets, JsonObject classification,
                                      String why, Instant now, List<TimelineEntry> timeline) {
        for (String caseId : targets.caseIds()) {
            timeline.add(new TimelineEntry(caseId, null, now, TimelineKinds.REPLY_UNKNOWN_SENDER, classification.copy()
                    .put("channel", reply.channel().wire()).put("from", reply.from()).put("text", reply.text())
                    .put("providerRef", reply.providerRef()).put("why", why).put("actedOn", false)));
            timeline.add(new TimelineEntry(caseId, null, now, TimelineKinds.AGENT_FLAGGED, new JsonObject()
                    .put("reason", "reply from an unknown sender: " + why).put("text", reply.text())));
        }
    }

    /** A classification as the timeline shows it, for a reply that came on {@code channel}. */
    public static JsonObject json(Classification c, Channel channel) {
        return new JsonObject(ClassificationWire.of(c, channel));
    }
}
