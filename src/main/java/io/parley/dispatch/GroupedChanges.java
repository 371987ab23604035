package io.parley.dispatch;

import io.parley.store.Attempts;
import io.parley.store.StatusChange;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Provider news about attempts (the dispatcher's send results, status callbacks from every channel), written many
 * rows per transaction: a group is flushed when it holds {@code maxRows} changes or {@code window} after its first,
 * with at most two flushes under way. Each caller's future completes once its change is committed, so a webhook is
 * still answered only after its news is durable. A group that fails is written again change by change, so one bad
 * change fails alone. Safe to call from any thread; callers are answered on their own context.
 */
public final class GroupedChanges {
    private static final Logger LOG = LoggerFactory.getLogger(GroupedChanges.class);
    private static final int CONCURRENT_FLUSHES = 2;

    private final Vertx vertx;
    private final Outcomes outcomes;
    private final int maxRows;
    private final Duration window;
    private List<Pending> group = new ArrayList<>();
    private long timer = -1;
    private int flushing;
    private final List<List<Pending>> ready = new ArrayList<>();

    /** One change waiting for its group: when it never reached the provider, when its step runs again. */
    private record Pending(Attempts.Change change, Instant retryAt, JsonObject details, Context context,
                           Promise<List<StatusChange>> done) {
    }

    public GroupedChanges(Vertx vertx, Outcomes outcomes, int maxRows, Duration window) {
        this.vertx = vertx;
        this.outcomes = outcomes;
        this.maxRows = maxRows;
        this.window = window;
    }

    /** Records the change with the next group; completes with what it changed (empty: a duplicate or stale one). */
    public Future<List<StatusChange>> record(Attempts.Change change, Instant retryAt, JsonObject details) {
        Promise<List<StatusChange>> done = Promise.promise();
        Context context = vertx.getOrCreateContext();
        synchronized (this) {
            group.add(new Pending(change, retryAt, details, context, done));
            if (group.size() >= maxRows) {
                seal();
            } else if (timer < 0) {
                timer = vertx.setTimer(Math.max(1, window.toMillis()), id -> {
                    synchronized (this) {
                        timer = -1;
                        if (!group.isEmpty()) {
                            seal();
                        }
                    }
                });
            }
        }
        return done.future();
    }

    /** The group closes and waits for a flush slot. Called holding the lock. */
    private void seal() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        ready.add(group);
        group = new ArrayList<>();
        startFlushes();
    }

    private void startFlushes() {
        while (flushing < CONCURRENT_FLUSHES && !ready.isEmpty()) {
            // groups that waited for a slot go together: the busier the database, the larger the groups
            List<Pending> next = new ArrayList<>(ready.remove(0));
            while (!ready.isEmpty() && next.size() + ready.get(0).size() <= maxRows) {
                next.addAll(ready.remove(0));
            }
            flushing++;
            write(next).onComplete(ar -> {
                synchronized (this) {
                    flushing--;
                    startFlushes();
                }
            });
        }
    }

    private Future<Void> write(List<Pending> pending) {
        return writeTogether(pending).recover(err -> {
            if (pending.size() == 1) {
                answer(pending.get(0), Future.failedFuture(err));
                return Future.succeededFuture();
            }
            LOG.warn("Writing {} attempt changes together failed; writing them one by one", pending.size(), err);
            List<Future<Void>> each = new ArrayList<>();
            for (Pending p : pending) {
                each.add(writeTogether(List.of(p)).otherwise(e -> {
                    answer(p, Future.failedFuture(e));
                    return null;
                }));
            }
            return Future.join(each).mapEmpty();
        });
    }

    private Future<Void> writeTogether(List<Pending> pending) {
        List<Attempts.Change> changes = new ArrayList<>(pending.size());
        Map<UUID, Instant> retryAt = new HashMap<>();
        Map<UUID, JsonObject> details = new HashMap<>();
        for (Pending p : pending) {
            changes.add(p.change());
            if (p.retryAt() != null) {
                retryAt.put(p.change().attemptId(), p.retryAt());
            }
            if (p.details() != null) {
                details.put(p.change().attemptId(), p.details());
            }
        }
        // attempt rows in one order in every group (a stable sort keeps one attempt's changes as they came), so two
        // groups under way never wait on each other in a circle
        changes.sort(java.util.Comparator.comparing(Attempts.Change::attemptId));
        return outcomes.record(changes, retryAt, details).map(applied -> {
            Map<UUID, List<StatusChange>> byAttempt = new HashMap<>();
            applied.forEach(c -> byAttempt.computeIfAbsent(c.attemptId(), k -> new ArrayList<>()).add(c));
            for (Pending p : pending) {
                answer(p, Future.succeededFuture(byAttempt.getOrDefault(p.change().attemptId(), List.of())));
            }
            return null;
        });
    }

    private static void answer(Pending p, Future<List<StatusChange>> result) {
        p.context().runOnContext(v -> p.done().handle(result));
    }
}
