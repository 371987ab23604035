package io.parley.channel;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Items from many callers handled together: a group goes to the writer when it holds {@code maxItems} or
 * {@code window} after its first item, with at most {@code concurrent} groups under way (groups that waited for a
 * slot go together, so the busier the database, the larger the groups). The writer answers every item of a group, in
 * order; each caller's future completes with its own item's answer, on the caller's context. When a group fails as a
 * whole, its items are handed to the writer again one by one, so one bad item fails alone. Safe from any thread.
 *
 * @param <I> what callers hand in
 * @param <O> what each caller gets back
 */
public final class GroupQueue<I, O> {
    private static final Logger LOG = LoggerFactory.getLogger(GroupQueue.class);

    private final Vertx vertx;
    private final String name;
    private final int maxItems;
    private final long windowMillis;
    private final int concurrent;
    private final Function<List<I>, Future<List<O>>> writer;
    private final Deque<Waiting<I, O>> waiting = new ArrayDeque<>();
    private long timer = -1;
    private int underWay;

    private record Waiting<I, O>(I item, Context context, Promise<O> answer) {
    }

    public GroupQueue(Vertx vertx, String name, int maxItems, Duration window, int concurrent,
                      Function<List<I>, Future<List<O>>> writer) {
        this.vertx = vertx;
        this.name = name;
        this.maxItems = maxItems;
        this.windowMillis = Math.max(1, window.toMillis());
        this.concurrent = concurrent;
        this.writer = writer;
    }

    /** Hands the item in with the next group; completes with its answer once its group was written. */
    public Future<O> submit(I item) {
        Promise<O> answer = Promise.promise();
        Context context = vertx.getOrCreateContext();
        synchronized (this) {
            waiting.add(new Waiting<>(item, context, answer));
            if (waiting.size() >= maxItems) {
                startGroups();
            } else if (timer < 0 && underWay < concurrent) {
                timer = vertx.setTimer(windowMillis, id -> {
                    synchronized (this) {
                        timer = -1;
                        startGroups();
                    }
                });
            }
        }
        return answer.future();
    }

    /** Starts as many groups as there are free slots and waiting items. Called holding the lock. */
    private void startGroups() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        while (underWay < concurrent && !waiting.isEmpty()) {
            List<Waiting<I, O>> group = new ArrayList<>(Math.min(maxItems, waiting.size()));
            while (group.size() < maxItems && !waiting.isEmpty()) {
                group.add(waiting.poll());
            }
            underWay++;
            write(group).onComplete(done -> {
                synchronized (this) {
                    underWay--;
                    if (waiting.size() >= maxItems || (!waiting.isEmpty() && timer < 0)) {
                        // what arrived while every slot was busy goes at once: it has waited long enough
                        startGroups();
                    }
                }
            });
        }
    }

    private Future<Void> write(List<Waiting<I, O>> group) {
        return writeTogether(group).recover(err -> {
            if (group.size() == 1) {
                answer(group.get(0), Future.failedFuture(err));
                return Future.succeededFuture();
            }
            LOG.warn("A group of {} {} failed as a whole; handling them one by one: {}", group.size(), name,
                    err.toString());
            List<Future<Void>> each = new ArrayList<>(group.size());
            for (Waiting<I, O> w : group) {
                each.add(writeTogether(List.of(w)).otherwise(e -> {
                    answer(w, Future.failedFuture(e));
                    return null;
                }));
            }
            return Future.join(each).mapEmpty();
        });
    }

    private Future<Void> writeTogether(List<Waiting<I, O>> group) {
        List<I> items = new ArrayList<>(group.size());
        group.forEach(w -> items.add(w.item()));
        Future<List<O>> written;
        try {
            written = writer.apply(items);
        } catch (RuntimeException e) {
            written = Future.failedFuture(e);
        }
        return written.map(answers -> {
            if (answers.size() != group.size()) {
                throw new IllegalStateException(name + ": " + answers.size() + " answers for " + group.size());
            }
            for (int i = 0; i < group.size(); i++) {
                answer(group.get(i), Future.succeededFuture(answers.get(i)));
            }
            return null;
        });
    }

    private static <I, O> void answer(Waiting<I, O> w, Future<O> result) {
        w.context().runOnContext(v -> w.answer().handle(result));
    }
}
