package io.parley.inbound;

import io.parley.domain.CaseEventType;
import io.parley.domain.Channel;
import io.parley.enrollment.CaseEvents;
import io.parley.reply.Classification;
import io.parley.reply.OptOutScope;
import io.parley.reply.PromiseToPay;
import io.parley.reply.ReplyIntent;
import io.parley.store.ContactPointStatus;
import io.parley.store.Suppressions;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a classified reply does, inside the reply's transaction and under the locks of its cases (taken by the router,
 * not again for each case event): the opt-out it expresses (wherever it ranks) on the
 * suppression list and the contact points of the channels it stops; then its primary and its secondary intent, each
 * acted on (a cease, an opt-in, a promise, a payment claim, a dispute, representation, bankruptcy, a wrong number, a
 * request for an agent). A reply the classifier would not guess about is flagged for an agent. The answer is the one
 * message the reply gets back on its channel: the opt-out confirmation, else the first its intents produced.
 */
final class ReplyEffects {
    private final CaseEvents caseEvents;
    private final Confirmations confirmations;

    ReplyEffects(CaseEvents caseEvents, Confirmations confirmations) {
        this.caseEvents = caseEvents;
        this.confirmations = confirmations;
    }

    /** The reply in hand: what arrived, whom it concerns, what it means, and the timeline it writes. */
    record Reply(InboundReply reply, ReplyTargets.Targets targets, Classification c, Instant now,
                 List<TimelineEntry> timeline) {
        String why() {
            return "reply '" + c.matched() + "'";
        }
    }

    Future<Optional<String>> act(SqlConnection conn, Reply r) {
        List<Optional<String>> answers = new ArrayList<>();
        Future<Void> chain = optOut(conn, r).map(answer -> {
            answers.add(answer);
            return null;
        });
        List<ReplyIntent> intents = new ArrayList<>();
        intents.add(r.c().intent());
        r.c().secondary().ifPresent(intents::add);
        for (ReplyIntent intent : intents) {
            chain = chain.compose(v -> effect(conn, r, intent)).map(answer -> {
                answers.add(answer);
                return null;
            });
        }
        return chain.map(v -> answers.stream().flatMap(Optional::stream).findFirst());
    }

    /** The opt-out the reply expresses, wherever it ranks among its intents. */
    private Future<Optional<String>> optOut(SqlConnection conn, Reply r) {
        if (r.c().optOut().isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        OptOutScope scope = r.c().optOut().get();
        Channel arrivedOn = r.reply().channel();
        boolean cease = scope.everything();
        List<Channel> channels = cease ? AddressStanding.reaching(arrivedOn) : List.copyOf(scope.channels(arrivedOn));
        Future<Boolean> changed = Future.succeededFuture(false);
        for (Channel channel : channels) {
            changed = changed.compose(any -> AddressStanding.addresses(conn, cease ? arrivedOn : channel, arrivedOn,
                    r.targets()).compose(addresses -> {
                Future<Boolean> each = Future.succeededFuture(any);
                for (String address : addresses) {
                    AddressStanding.Change change = new AddressStanding.Change(channel, address,
                            cease ? Suppressions.Reason.CEASE : Suppressions.Reason.OPT_OUT,
                            List.of(ContactPointStatus.VALID), ContactPointStatus.OPTED_OUT, r.why(),
                            TimelineKinds.CONTACT_OPTED_OUT, r.reply().providerRef());
                    each = each.compose(so -> AddressStanding.suppress(conn, change, r.targets(), r.now(), r.timeline())
                            .map(now -> so || now));
                }
                return each;
            }));
        }
        String locale = r.targets().locale();
        return changed.map(any -> any && !cease ? Optional.of(confirmations.optedOut(locale)) : Optional.empty());
    }

    private Future<Optional<String>> effect(SqlConnection conn, Reply r, ReplyIntent intent) {
        InboundReply reply = r.reply();
        String locale = r.targets().locale();
        return switch (intent) {
            case OPT_OUT -> Future.succeededFuture(Optional.empty());
            case OPT_OUT_ALL -> caseEvent(conn, r, CaseEventType.CEASE_REQUEST)
                    .map(x -> r.targets().known() ? Optional.of(confirmations.optedOutOfAll(locale)) : Optional.empty());
            case OPT_IN -> AddressStanding.optIn(conn, new AddressStanding.Change(reply.channel(), r.targets().address(),
                            Suppressions.Reason.OPT_OUT, List.of(ContactPointStatus.OPTED_OUT), ContactPointStatus.VALID,
                            r.why(), TimelineKinds.CONTACT_OPTED_IN, reply.providerRef()), r.targets(), r.now(), r.timeline())
                    .map(changed -> changed ? Optional.of(confirmations.optedIn(locale)) : Optional.empty());
            case HELP -> Future.succeededFuture(Optional.of(confirmations.help(locale)));
            case PROMISE_TO_PAY -> promise(conn, r, r.c().promise().orElse(PromiseToPay.unspecified()))
                    .map(Optional.empty());
            case PAID -> caseEvent(conn, r, CaseEventType.PAYMENT_RECEIVED).map(Optional.empty());
            case DISPUTE -> caseEvent(conn, r, CaseEventType.DISPUTE).map(Optional.empty());
            case ATTORNEY -> caseEvent(conn, r, CaseEventType.ATTORNEY).map(Optional.empty());
            case BANKRUPTCY -> caseEvent(conn, r, CaseEventType.BANKRUPTCY).map(Optional.empty());
            case WRONG_NUMBER -> wrongNumber(conn, r).map(Optional.empty());
            case CALLBACK_REQUEST, HARDSHIP -> flag(r, intent.wire()).map(Optional.empty());
            case OTHER -> (r.c().review().isPresent() ? flag(r, "review: " + r.c().review().get())
                    : Future.<Void>succeededFuture()).map(Optional.empty());
        };
    }

    /** Not the debtor's address: suppressed on every channel that reaches it, and invalid for every debtor. */
    private Future<Void> wrongNumber(SqlConnection conn, Reply r) {
        Future<Boolean> chain = Future.succeededFuture(false);
        if (r.targets().address() == null) {
            return chain.mapEmpty();
        }
        for (Channel channel : AddressStanding.reaching(r.reply().channel())) {
            AddressStanding.Change change = new AddressStanding.Change(channel, r.targets().address(),
                    Suppressions.Reason.WRONG_NUMBER, List.of(ContactPointStatus.VALID, ContactPointStatus.OPTED_OUT),
                    ContactPointStatus.INVALID, "wrong number (" + r.why() + ")", TimelineKinds.CONTACT_INVALID,
                    r.reply().providerRef());
            chain = chain.compose(v -> AddressStanding.suppress(conn, change, r.targets(), r.now(), r.timeline()));
        }
        return chain.mapEmpty();
    }

    private Future<Void> flag(Reply r, String reason) {
        r.targets().caseIds().forEach(caseId -> r.timeline().add(new TimelineEntry(caseId, null, r.now(),
                TimelineKinds.AGENT_FLAGGED, new JsonObject().put("reason", reason).put("text", r.reply().text()))));
        return Future.succeededFuture();
    }

    private Future<Void> caseEvent(SqlConnection conn, Reply r, CaseEventType type) {
        return forEachCase(r, caseId -> caseEvents.applyIn(conn, caseId, type, r.reply().receivedAt(),
                r.reply().providerRef(), Map.of("source", "reply", "channel", r.reply().channel().wire()), r.now(),
                r.timeline(), true).mapEmpty());
    }

    /** Records the promise and pauses the case's sequences that pause on promises, until its date plus grace. */
    private Future<Void> promise(SqlConnection conn, Reply r, PromiseToPay promise) {
        // no date named: a week from the reply, so the pause always ends
        LocalDate day = promise.promisedDate()
                .orElse(r.reply().receivedAt().atZone(r.targets().zone()).toLocalDate().plusDays(7));
        BigDecimal amount = amount(promise, r.targets().account());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("amount", amount == null ? null : amount.toPlainString());
        details.put("date", day.toString());
        details.put("source", "reply");
        details.put("amountText", promise.amountText());
        details.put("dateText", promise.dateText());
        return forEachCase(r, caseId -> caseEvents.applyIn(conn, caseId, CaseEventType.PROMISE_TO_PAY,
                r.reply().receivedAt(), r.reply().providerRef(), details, r.now(), r.timeline(), true).mapEmpty());
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

    private static Future<Void> forEachCase(Reply r, java.util.function.Function<String, Future<Void>> action) {
        Future<Void> chain = Future.succeededFuture();
        for (String caseId : r.targets().caseIds()) {
            chain = chain.compose(v -> action.apply(caseId));
        }
        return chain;
    }
}
