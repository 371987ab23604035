package io.parley.inbound;

import io.parley.reply.Classification;
import io.parley.store.Savepoints;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many replies routed in one transaction and one commit: written together ({@link ReplyGroup}) when none of them
 * can change what another finds, else each under a savepoint of its own, so one that fails (a lock given up on, a
 * fault in its effects) is rolled back alone and the others go on; replies written together that fail are routed
 * again that way, in a new transaction, with the senders and classifications found the first time. What they write on
 * the timeline is appended together at the end. Their senders are looked up and their texts classified first, all
 * together, the classifying on a worker thread (it is the costliest part of a reply for the processor). They are
 * routed in the order of their senders, so two batches under way lock the same debtors in the same order. After the
 * commit, a reply that failed is routed once more on its own (in its own transaction, tried again on a deadlock); if
 * that fails too, it is answered with the failure.
 */
final class ReplyBatch {
    private ReplyBatch() {
    }

    static Future<List<Future<ReplyRouter.Routed>>> route(Pool pool, ReplyRouter router, List<InboundReply> replies) {
        if (replies.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        // the lookups and classifications of replies written together, kept should they fail together
        AtomicReference<List<Ahead>> grouped = new AtomicReference<>();
        return Savepoints.run(pool, conn -> ahead(conn, router, replies).compose(ahead -> {
            grouped.set(ReplyGroup.fits(ahead) ? ahead : null);
            return grouped.get() != null ? ReplyGroup.act(conn, router, replies, ahead)
                    : eachAlone(conn, router, replies, ahead);
        })).recover(err -> grouped.get() != null
                // written together, the replies failed together: each goes again under a savepoint of its own (each
                // looks its sender up again there, and keeps its classification only if the sender's language and
                // zone are still the same)
                ? Savepoints.run(pool, conn -> eachAlone(conn, router, replies, grouped.get()))
                : Future.failedFuture(err)
        ).compose(results -> {
            List<Future<ReplyRouter.Routed>> answers = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) {
                InboundReply reply = replies.get(i);
                if (results.get(i).succeeded()) {
                    router.counted(reply, results.get(i).result());
                    answers.add(results.get(i));
                } else {
                    answers.add(router.route(reply));
                }
            }
            return Future.join(answers).otherwiseEmpty().map(answers);
        });
    }

    /** Each reply under a savepoint of its own, in the order of their senders; the timeline appended at the end. */
    private static Future<List<Future<ReplyRouter.Routed>>> eachAlone(SqlConnection conn, ReplyRouter router,
                                                                      List<InboundReply> replies, List<Ahead> ahead) {
        List<Future<ReplyRouter.Routed>> results = new ArrayList<>(Collections.nCopies(replies.size(), null));
        List<TimelineEntry> timeline = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (int i : bySender(replies)) {
            chain = chain.compose(v -> {
                List<TimelineEntry> own = new ArrayList<>();
                return Savepoints.isolated(conn, c -> router.routeIn(c, replies.get(i), ahead.get(i), own))
                        .map(routed -> {
                            if (routed.succeeded()) {
                                timeline.addAll(own);
                            }
                            results.set(i, routed);
                            return null;
                        });
            });
        }
        return chain.compose(v -> Timeline.append(conn, timeline)).map(v -> results);
    }

    /** The replies' positions in the order of their senders. */
    static Integer[] bySender(List<InboundReply> replies) {
        Integer[] order = new Integer[replies.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(i -> String.valueOf(replies.get(i).from())));
        return order;
    }

    /** A classification worked out ahead, for the sender found then. */
    record Ahead(ReplyTargets.Targets targets, Classification classification) {
        /** Whether it holds for the sender found now (an earlier reply of the batch may have changed their cases). */
        boolean fits(ReplyTargets.Targets now) {
            return targets.locale().equals(now.locale()) && targets.zone().equals(now.zone());
        }
    }

    /**
     * The batch's senders, looked up together (one statement for those found by their address), and their replies
     * classified on a worker thread rather than the event loop, as one piece of work. A reply that cannot be
     * classified ahead is classified when routed.
     */
    private static Future<List<Ahead>> ahead(SqlConnection conn, ReplyRouter router, List<InboundReply> replies) {
        return router.targetsAll(conn, replies).compose(found -> {
            Callable<List<Ahead>> classify = () -> {
                List<Ahead> out = new ArrayList<>(replies.size());
                for (int i = 0; i < replies.size(); i++) {
                    ReplyTargets.Targets t = found.get(i);
                    Ahead a;
                    try {
                        a = new Ahead(t, router.classify(replies.get(i), t));
                    } catch (RuntimeException e) {
                        a = null;
                    }
                    out.add(a);
                }
                return out;
            };
            Context context = Vertx.currentContext();
            if (context == null) {
                try {
                    return Future.succeededFuture(classify.call());
                } catch (Exception e) {
                    return Future.failedFuture(e);
                }
            }
            return context.executeBlocking(classify, false);
        });
    }
}
