package io.parley.dispatch;

import io.parley.channel.ChannelModules;
import io.parley.enrollment.Sequences;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.observability.Metrics;
import io.parley.sequence.EnrollmentClock;
import io.parley.sequence.SequenceEngine;
import io.parley.store.Attempts;
import io.parley.store.DueSteps;
import io.parley.store.Locks;
import io.parley.store.StatusChange;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records what providers say about attempts (send results, status callbacks), forward only, in the timeline, and
 * moves the waiting enrollment on when an attempt's outcome is final. Every transaction here locks the queue rows
 * of the enrollments concerned first, the same order the dispatcher uses.
 */
public final class Outcomes {
    private final Pool pool;
    private final Sequences sequences;
    private final SequenceEngine engine;
    private final Metrics metrics;
    private final Clock clock;
    private final ChannelModules channels;
    private final Attempts.SettledBy settledBy;

    public Outcomes(Pool pool, Sequences sequences, SequenceEngine engine, ChannelModules channels, Metrics metrics,
                    Clock clock) {
        this.channels = channels;
        this.settledBy = settledBy(channels);
        this.pool = pool;
        this.sequences = sequences;
        this.engine = engine;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Moves attempts forward to the statuses given and settles the enrollments
     * whose attempt reached a final outcome; returns the changes that took effect (duplicates and stale updates
     * change nothing).
     *
     * @param retryAt attempts that never reached their provider, with when their step runs again
     */
    public Future<List<StatusChange>> record(List<Attempts.Change> changes, Map<UUID, Instant> retryAt) {
        return record(changes, retryAt, Map.of());
    }

    public Future<List<StatusChange>> record(List<Attempts.Change> changes) {
        return record(changes, Map.of(), Map.of());
    }

    /** As {@link #record(List, Map)}, with channel details kept with each status on the timeline (a call's length). */
    public Future<List<StatusChange>> record(List<Attempts.Change> changes, Map<UUID, Instant> retryAt,
                                             Map<UUID, JsonObject> details) {
        if (changes.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        List<UUID> ids = changes.stream().map(Attempts.Change::attemptId).toList();
        return Transactions.run(pool, conn -> {
            Instant now = clock.instant();
            Progression progression = new Progression(sequences, engine);
            // the lock and the advance sent together: the connection runs them in that order
            Future<Void> locked = Locks.queueOfAttempts(conn, ids);
            Future<List<StatusChange>> advanced = Attempts.advance(conn, changes, now, settledBy, retryAt.keySet());
            return Future.all(locked, advanced).map(all -> advanced.result())
                    .compose(applied -> noteAndSettle(conn, applied, retryAt, details, now, progression)
                            .compose(v -> progression.write(conn, now)).map(applied));
        }).onSuccess(this::count);
    }

    /** Attempts whose provider gave no clear answer: counted as made, never resent; their outcome is unknown. */
    public Future<List<StatusChange>> unknown(List<UUID> attemptIds, String why) {
        if (attemptIds.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return Transactions.run(pool, conn -> {
            Instant now = clock.instant();
            Progression progression = new Progression(sequences, engine);
            Future<Void> locked = Locks.queueOfAttempts(conn, attemptIds);
            Future<List<StatusChange>> marked = Attempts.markUnknown(conn, attemptIds, now, why);
            return Future.all(locked, marked).map(all -> marked.result())
                    .compose(applied -> noteAndSettle(conn, applied, Map.of(), Map.of(), now, progression)
                            .compose(v -> progression.write(conn, now)).map(applied));
        }).onSuccess(this::count);
    }

    /** Every status that settles an attempt of a registered channel, with the outcome it settles with. */
    private static Attempts.SettledBy settledBy(ChannelModules channels) {
        List<String[]> rows = new java.util.ArrayList<>();
        for (Channel channel : channels.channels()) {
            for (AttemptStatus status : AttemptStatus.values()) {
                channels.settledOutcome(channel, status).ifPresent(o -> rows.add(new String[]{channel.wire(),
                        status.wire(), o.wire()}));
            }
        }
        return new Attempts.SettledBy(rows.stream().map(r -> r[0]).toArray(String[]::new),
                rows.stream().map(r -> r[1]).toArray(String[]::new), rows.stream().map(r -> r[2]).toArray(String[]::new));
    }

    void count(List<StatusChange> applied) {
        applied.forEach(c -> metrics.attemptStatus(c.channel().wire(), c.status().wire()));
    }

    /** Notes the changes on the timeline and settles those that are final, into the caller's progression. */
    Future<Void> noteAndSettle(SqlClient sql, List<StatusChange> applied, Map<UUID, Instant> retryAt,
                               Map<UUID, JsonObject> details, Instant now, Progression progression) {
        List<Settlement> settled = new java.util.ArrayList<>();
        Map<UUID, AttemptOutcome> outcomes = new java.util.LinkedHashMap<>();
        for (StatusChange c : applied) {
            JsonObject data = new JsonObject().put("attemptId", c.attemptId().toString())
                    .put("channel", c.channel().wire()).put("status", c.status().wire())
                    .put("providerRef", c.providerRef()).put("errorCode", c.errorCode()).put("error", c.errorMessage());
            JsonObject more = details.get(c.attemptId());
            progression.note(new TimelineEntry(c.caseId(), c.enrollmentId(), now,
                    c.status() == AttemptStatus.UNKNOWN ? TimelineKinds.ATTEMPT_UNKNOWN : TimelineKinds.ATTEMPT_STATUS,
                    more == null ? data : more.copy().mergeIn(data)));
            Instant again = retryAt.get(c.attemptId());
            if (again != null) {
                settled.add(new Settlement(c.enrollmentId(), c.attemptId(), null, again));
            } else {
                // an outcome the change brought, or the advance wrote, is on the attempt already
                c.outcome().ifPresentOrElse(o -> settled.add(Settlement.outcome(c.enrollmentId(), c.attemptId(), o)),
                        () -> channels.settledOutcome(c.channel(), c.status()).ifPresent(o -> {
                            outcomes.put(c.attemptId(), o);
                            settled.add(Settlement.outcome(c.enrollmentId(), c.attemptId(), o));
                        }));
            }
        }
        // the outcome each attempt settled with stays on it: what skip conditions and the ledger read
        // sent together: the connection runs the update before the read
        return Future.all(Attempts.settled(sql, outcomes), settle(sql, settled, now, progression)).mapEmpty();
    }

    /** Moves on the enrollments still waiting for exactly these attempts; any other (stale) settlement is ignored. */
    Future<Void> settle(SqlClient sql, List<Settlement> settlements, Instant now, Progression progression) {
        if (settlements.isEmpty()) {
            return Future.succeededFuture();
        }
        Map<UUID, Settlement> byEnrollment = settlements.stream()
                .collect(Collectors.toMap(Settlement::enrollmentId, Function.identity(), (a, b) -> b));
        return DueSteps.awaiting(sql, byEnrollment.keySet()).map(waiting -> {
            for (DueSteps.Awaiting w : waiting) {
                Settlement s = byEnrollment.get(w.enrollmentId());
                if (!s.attemptId().equals(w.attemptId())) {
                    continue;
                }
                if (s.retryAt() != null) {
                    progression.again(ref(w), w.stepId(), w.retry(), s.retryAt(), now);
                } else {
                    progression.settled(ref(w), w.stepId(), s.outcome(), w.retry(), now);
                }
            }
            return null;
        });
    }

    private static EnrollmentRef ref(DueSteps.Awaiting w) {
        return new EnrollmentRef(w.enrollmentId(), w.caseId(), w.sequenceName(), w.sequenceVersion(),
                new EnrollmentClock(w.startedAt(), w.dueDate(), w.zone()));
    }
}
