package io.parley.inbound;

import io.parley.store.InboundMessages;
import io.parley.store.Locks;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The replies of a batch written together, without a savepoint each, when none of them can change what another
 * finds (no two share a sender's address, a debtor or a case, and each was classified ahead): the locks of all their
 * cases, queue rows and debtors taken in three statements (in the order of {@link Locks}), their senders looked up
 * again under those locks (when one changed meanwhile, the group fails and goes the slower way), their messages
 * recorded in one (a provider's redelivery changes nothing), then each acted on in the order of their senders, and
 * the timeline appended once. Should anything fail, the transaction is rolled back whole and {@link ReplyBatch} routes the
 * replies again each under a savepoint of its own, so a reply's effects are still all or nothing.
 */
final class ReplyGroup {
    private ReplyGroup() {
    }

    /** Whether the replies, looked up and classified ahead, may be written together. */
    static boolean fits(List<ReplyBatch.Ahead> ahead) {
        Set<String> addresses = new HashSet<>();
        Set<String> debtors = new HashSet<>();
        Set<String> cases = new HashSet<>();
        for (ReplyBatch.Ahead a : ahead) {
            if (a == null || a.targets().address() != null && !addresses.add(a.targets().address())
                    || !a.targets().debtorIds().stream().allMatch(debtors::add)
                    || !a.targets().caseIds().stream().allMatch(cases::add)) {
                return false;
            }
        }
        return true;
    }

    /** Writes the replies together in the caller's transaction; answers each in order with a completed future. */
    static Future<List<Future<ReplyRouter.Routed>>> act(SqlConnection conn, ReplyRouter router,
                                                        List<InboundReply> replies, List<ReplyBatch.Ahead> ahead) {
        Set<String> cases = new TreeSet<>();
        List<String> debtors = new ArrayList<>();
        List<JsonObject> classifications = new ArrayList<>(replies.size());
        List<InboundMessages.Received> received = new ArrayList<>(replies.size());
        for (int i = 0; i < replies.size(); i++) {
            ReplyBatch.Ahead a = ahead.get(i);
            cases.addAll(a.targets().caseIds());
            debtors.addAll(a.targets().debtorIds());
            JsonObject classification = ReplyRouter.json(a.classification(), replies.get(i).channel());
            classifications.add(classification);
            received.add(ReplyRouter.received(replies.get(i), a.targets(), a.classification(), classification));
        }
        List<Future<ReplyRouter.Routed>> results = new ArrayList<>(Collections.nCopies(replies.size(), null));
        List<TimelineEntry> timeline = new ArrayList<>();
        return Locks.casesTogether(conn, cases)
                .compose(v -> {
                    // the senders looked up again right behind the debtors' locks (one connection keeps them in
                    // order): a change committed before the locks were taken is seen, and sends the replies the
                    // slower way, each under a savepoint of its own (see ReplyRouter.routeIn)
                    Future<Void> locked = Locks.debtors(conn, debtors);
                    Future<List<ReplyTargets.Targets>> again = router.targetsAll(conn, replies);
                    return Future.all(locked, again).compose(x -> {
                        for (int i = 0; i < replies.size(); i++) {
                            if (!again.result().get(i).equals(ahead.get(i).targets())) {
                                return Future.failedFuture(new ReplyRouter.SendersChanged("whom a reply of the group is from changed while their cases were being locked"));
                            }
                        }
                        return InboundMessages.recordAll(conn, received);
                    });
                })
                .compose(recorded -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (int i : ReplyBatch.bySender(replies)) {
                        ReplyBatch.Ahead a = ahead.get(i);
                        chain = chain.compose(v -> router.actOn(conn, replies.get(i), a.targets(), a.classification(),
                                classifications.get(i), recorded.get(i), router.now(), timeline).map(routed -> {
                                    results.set(i, Future.succeededFuture(routed));
                                    return null;
                                }));
                    }
                    return chain;
                })
                .compose(v -> Timeline.append(conn, timeline))
                .map(v -> results);
    }
}
