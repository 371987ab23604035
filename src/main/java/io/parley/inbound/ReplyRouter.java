package io.parley.inbound;

import io.parley.domain.CaseEventType;
import io.parley.domain.Channel;
import io.parley.enrollment.CaseEvents;
import io.parley.observability.Metrics;
import io.parley.reply.Classification;
import io.parley.reply.PromiseToPay;
import io.parley.reply.ReplyClassifier;
import io.parley.reply.ReplyIntent;
import io.parley.store.ContactPointStatus;
import io.parley.store.Debtors;
import io.parley.store.InboundMessages;
import io.parley.store.Locks;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
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
 * (redeliveries change nothing), classified, written to the timeline of every case it concerns with the intent and
 * the classifier's reasons, and acted on: opt-out and opt-in of the contact point, cease, promise to pay (the case
 * pauses until the promised date plus grace), paid/dispute/attorney/bankruptcy as case events, wrong number, and
 * callback or hardship flagged for an agent. Serialised with dispatch decisions by the debtor's lock.
 */
public final class ReplyRouter {
    private final Pool pool;
    private final ReplyClassifier classifier;
    private final CaseEvents caseEvents;
    private final Confirmations confirmations;
    private final ZoneId defaultZone;
    private final Metrics metrics;
    private final Clock clock;

    public ReplyRouter(Pool pool, ReplyClassifier classifier, CaseEvents caseEvents, String company, String phone,
                       ZoneId defaultZone, Metrics metrics, Clock clock) {
        this.pool = pool;
        this.classifier = classifier;
        this.caseEvents = caseEvents;
        this.confirmations = new Confirmations(company, phone);
        this.defaultZone = defaultZone;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What came of a reply: its intent, and the one answer to send back on its channel, if any. */
    public record Routed(boolean duplicate, ReplyIntent intent, Optional<String> answer, List<String> caseIds) {
    }

    public Future<Routed> route(InboundReply reply) {
        return Transactions.run(pool, conn -> ReplyTargets.find(conn, reply, defaultZone).compose(targets -> {
            Instant now = clock.instant();
            Classification c = classifier.classify(reply.text(), targets.locale(), targets.zone(), reply.receivedAt());
            JsonObject classification = json(c);
            InboundMessages.Received received = new InboundMessages.Received(reply.channel(), reply.providerRef(),
                    reply.from(), reply.to(), reply.text(), targets.debtorIds(), targets.caseIds(), c.intent().wire(),
                    classification, reply.receivedAt());
            return Locks.cases(conn, targets.caseIds())
                    .compose(v -> Locks.debtors(conn, targets.debtorIds()))
                    .compose(v -> InboundMessages.record(conn, received))
                    .compose(recorded -> {
                        if (!recorded) {
                            return Future.succeededFuture(new Routed(true, c.intent(), Optional.empty(), targets.caseIds()));
                        }
                        List<TimelineEntry> timeline = new ArrayList<>();
                        for (String caseId : targets.caseIds()) {
                            timeline.add(new TimelineEntry(caseId, null, now, TimelineKinds.REPLY_RECEIVED, classification.copy()
                                    .put("channel", reply.channel().wire()).put("from", reply.from())
                                    .put("text", reply.text()).put("providerRef", reply.providerRef())));
                        }
                        return act(conn, reply, targets, c, now, timeline)
                                .compose(answer -> Timeline.append(conn, timeline)
                                        .map(new Routed(false, c.intent(), answer, targets.caseIds())));
                    });
        })).onSuccess(routed -> metrics.reply(reply.channel().wire(), routed.duplicate() ? "duplicate" : routed.intent().wire()));
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
            return Locks.cases(conn, targets.caseIds())
                    .compose(v -> Locks.debtors(conn, targets.debtorIds()))
                    .compose(v -> forEachCase(targets, caseId -> caseEvents.applyIn(conn, caseId,
                            CaseEventType.PROMISE_TO_PAY, now, providerRef, details, now, timeline).mapEmpty()))
                    .compose(v -> Timeline.append(conn, timeline));
        }));
    }

    private Future<Optional<String>> act(SqlConnection conn, InboundReply reply, ReplyTargets.Targets targets,
                                         Classification c, Instant now, List<TimelineEntry> timeline) {
        String why = "reply '" + c.matched() + "'";
        Future<Void> replied = forEachCase(targets, caseId -> io.parley.store.Enrollments.noteFacts(conn, caseId,
                false, true, now));
        return replied.compose(v -> switch (c.intent()) {
            case OPT_OUT -> pointStatus(conn, reply, targets, List.of(ContactPointStatus.VALID),
                    ContactPointStatus.OPTED_OUT, why, TimelineKinds.CONTACT_OPTED_OUT, now, timeline)
                    .map(changed -> answer(changed, confirmations.optedOut(targets.locale())));
            case OPT_IN -> pointStatus(conn, reply, targets, List.of(ContactPointStatus.OPTED_OUT),
                    ContactPointStatus.VALID, why, TimelineKinds.CONTACT_OPTED_IN, now, timeline)
                    .map(changed -> answer(changed, confirmations.optedIn(targets.locale())));
            case OPT_OUT_ALL -> caseEvent(conn, targets, CaseEventType.CEASE_REQUEST, reply, now, timeline)
                    .map(x -> answer(targets.known(), confirmations.optedOutOfAll(targets.locale())));
            case HELP -> Future.succeededFuture(Optional.of(confirmations.help(targets.locale())));
            case PROMISE_TO_PAY -> promise(conn, targets, c.promise().orElse(PromiseToPay.unspecified()), reply, now,
                    timeline).map(Optional.<String>empty());
            case PAID -> caseEvent(conn, targets, CaseEventType.PAYMENT_RECEIVED, reply, now, timeline).map(Optional.empty());
            case DISPUTE -> caseEvent(conn, targets, CaseEventType.DISPUTE, reply, now, timeline).map(Optional.empty());
            case ATTORNEY -> caseEvent(conn, targets, CaseEventType.ATTORNEY, reply, now, timeline).map(Optional.empty());
            case BANKRUPTCY -> caseEvent(conn, targets, CaseEventType.BANKRUPTCY, reply, now, timeline)
                    .map(Optional.empty());
            case WRONG_NUMBER -> pointStatus(conn, reply, targets, List.of(ContactPointStatus.VALID,
                    ContactPointStatus.OPTED_OUT), ContactPointStatus.INVALID, "wrong number (" + why + ")",
                    TimelineKinds.CONTACT_INVALID, now, timeline).map(x -> Optional.<String>empty());
            case CALLBACK_REQUEST, HARDSHIP -> {
                targets.caseIds().forEach(caseId -> timeline.add(new TimelineEntry(caseId, null, now, TimelineKinds.AGENT_FLAGGED,
                        new JsonObject().put("reason", c.intent().wire()).put("text", reply.text()))));
                yield Future.succeededFuture(Optional.<String>empty());
            }
            case OTHER -> Future.succeededFuture(Optional.<String>empty());
        });
    }

    /** The contact point the reply came from changes status (for every debtor who has it); true if any changed. */
    private Future<Boolean> pointStatus(SqlConnection conn, InboundReply reply, ReplyTargets.Targets targets,
                                        List<ContactPointStatus> from, ContactPointStatus to, String why, String kind,
                                        Instant now, List<TimelineEntry> timeline) {
        List<Channel> channels = reply.channel() == Channel.SMS && to == ContactPointStatus.INVALID
                ? List.of(Channel.SMS, Channel.VOICE) : List.of(reply.channel());
        Future<Boolean> changed = Future.succeededFuture(false);
        for (String debtor : targets.debtorIds()) {
            for (Channel channel : channels) {
                changed = changed.compose(any -> Debtors.setStatus(conn, debtor, channel, targets.address(), from, to, why, now)
                        .map(result -> {
                            if (result.orElse(false)) {
                                targets.caseIds().forEach(caseId -> timeline.add(new TimelineEntry(caseId, null, now, kind,
                                        new JsonObject().put("channel", channel.wire()).put("address", targets.address())
                                                .put("reason", why).put("debtorId", debtor))));
                                return true;
                            }
                            return any;
                        }));
            }
        }
        return changed;
    }

    private Future<Void> caseEvent(SqlConnection conn, ReplyTargets.Targets targets, CaseEventType type,
                                   InboundReply reply, Instant now, List<TimelineEntry> timeline) {
        return forEachCase(targets, caseId -> caseEvents.applyIn(conn, caseId, type, reply.receivedAt(),
                reply.providerRef(), Map.of("source", "reply", "channel", reply.channel().wire()), now, timeline)
                .mapEmpty());
    }

    /** Records the promise and pauses the case's sequences that pause on promises, until its date plus grace. */
    private Future<Void> promise(SqlConnection conn, ReplyTargets.Targets targets, PromiseToPay promise,
                                 InboundReply reply, Instant now, List<TimelineEntry> timeline) {
        // no date named: a week from the reply, so the pause always ends
        LocalDate day = promise.promisedDate()
                .orElse(reply.receivedAt().atZone(targets.zone()).toLocalDate().plusDays(7));
        BigDecimal amount = amount(promise, targets.account());
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("amount", amount == null ? null : amount.toPlainString());
        details.put("date", day.toString());
        details.put("source", "reply");
        details.put("amountText", promise.amountText());
        details.put("dateText", promise.dateText());
        return forEachCase(targets, caseId -> caseEvents.applyIn(conn, caseId, CaseEventType.PROMISE_TO_PAY,
                reply.receivedAt(), reply.providerRef(), details, now, timeline).mapEmpty());
    }

    private static BigDecimal amount(PromiseToPay promise, JsonObject account) {
        if (promise.explicitAmount().isPresent()) {
            return promise.explicitAmount().get();
        }
        if (promise.fraction().isPresent() && account != null) {
            return new BigDecimal(account.getString("balance")).multiply(promise.fraction().get())
                    .setScale(2, java.math.RoundingMode.HALF_UP);
        }
        return null;
    }

    private static Future<Void> forEachCase(ReplyTargets.Targets targets,
                                            java.util.function.Function<String, Future<Void>> action) {
        Future<Void> chain = Future.succeededFuture();
        for (String caseId : targets.caseIds()) {
            chain = chain.compose(v -> action.apply(caseId));
        }
        return chain;
    }

    private static Optional<String> answer(boolean changed, String text) {
        return changed ? Optional.of(text) : Optional.empty();
    }

    /** A classification as the timeline and the classify API show it. */
    public static JsonObject json(Classification c) {
        JsonObject out = new JsonObject().put("intent", c.intent().wire()).put("matched", c.matched())
                .put("reasons", new JsonArray(c.reasons()));
        c.promise().ifPresent(p -> out.put("promise", new JsonObject()
                .put("amount", p.explicitAmount().map(BigDecimal::toPlainString).orElse(null))
                .put("fractionOfBalance", p.fraction().map(BigDecimal::toPlainString).orElse(null))
                .put("date", p.promisedDate().map(LocalDate::toString).orElse(null))
                .put("amountText", p.amountText()).put("dateText", p.dateText())));
        return out;
    }
}
