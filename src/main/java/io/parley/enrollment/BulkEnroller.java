package io.parley.enrollment;

import io.parley.store.CaseHolds;
import io.parley.store.EnrollmentBatches;
import io.parley.store.IdempotencyKeys;
import io.parley.store.Locks;
import io.parley.store.NewEnrollment;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Enrolls many cases at once, each on its own terms: each item is checked, made idempotent by its own key and
 * answered on its own (the enrollment, or its refusal), as if it had been sent alone; the ones
 * accepted are written together, each kind of row in one batch of statements, in one transaction under the cases'
 * locks.
 */
public final class BulkEnroller {
    /** The most items one batch may hold. */
    public static final int MAX_ITEMS = 1000;

    private final Pool pool;
    private final Enroller enroller;
    private final Clock clock;

    public BulkEnroller(Pool pool, Enroller enroller, Clock clock) {
        this.pool = pool;
        this.enroller = enroller;
        this.clock = clock;
    }

    /** One item of a batch: its place, the request and its idempotency key (or null). */
    public record Item(int index, EnrollmentRequest request, IdempotencyKey key) {
    }

    /** What an item came to: the enrollment (created, or replayed for a repeat), or why it was refused. */
    public record Result(int index, Enrolled enrolled, Refusal refusal) {
        static Result refused(int index, Refusal refusal) {
            return new Result(index, null, refusal);
        }
    }

    private record Ready(Item item, Enroller.Prepared prepared) {
        String pair() {
            NewEnrollment e = prepared.enrollment();
            return e.caseId() + '\u0000' + e.sequenceName();
        }
    }

    /** Answers every item, in the order of their indexes; the keys must all be the same principal's. */
    public Future<List<Result>> enroll(List<Item> items) {
        Instant now = clock.instant();
        Map<Integer, Result> results = new TreeMap<>();
        List<Ready> ready = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        for (Item item : items) {
            if (item.key() != null && !keys.add(item.key().key())) {
                results.put(item.index(), Result.refused(item.index(), new Refusal.Invalid(List.of(
                        new Refusal.Violation("idempotencyKey", "is used by another item of this batch")))));
                continue;
            }
            try {
                Ready r = new Ready(item, enroller.prepare(item.request(), now));
                if (!pairs.add(r.pair())) {
                    throw new Refusal.Conflict("case " + item.request().caseId() + " appears twice in this batch for "
                            + "sequence " + item.request().sequence());
                }
                ready.add(r);
            } catch (Refusal refusal) {
                results.put(item.index(), Result.refused(item.index(), refusal));
            }
        }
        if (ready.isEmpty()) {
            return Future.succeededFuture(List.copyOf(results.values()));
        }
        String principal = ready.stream().map(r -> r.item().key()).filter(k -> k != null)
                .map(IdempotencyKey::principal).findFirst().orElse(null);
        return Transactions.run(pool, conn -> write(conn, ready, principal, now)).map(written -> {
            ready.stream().map(r -> r.prepared().enrollment().firstDueAt()).min(Instant::compareTo)
                    .ifPresent(enroller.dueSoon()::dueAt);
            written.forEach(r -> results.put(r.index(), r));
            return List.copyOf(results.values());
        });
    }

    private Future<List<Result>> write(SqlConnection conn, List<Ready> ready, String principal, Instant now) {
        List<String> cases = ready.stream().map(r -> r.item().request().caseId()).distinct().toList();
        List<String> debtors = ready.stream().map(r -> r.prepared().enrollment().debtor().id()).distinct().toList();
        List<String> keys = ready.stream().map(r -> r.item().key()).filter(k -> k != null)
                .map(IdempotencyKey::key).toList();
        List<Result> out = new ArrayList<>();
        return Locks.casesAlone(conn, cases)
                .compose(v -> IdempotencyKeys.findAll(conn, principal, keys))
                .compose(stored -> CaseHolds.ofCases(conn, cases).compose(holds ->
                        EnrollmentBatches.ceased(conn, debtors).compose(ceased ->
                                EnrollmentBatches.open(conn, cases).map(open -> {
                                    List<Ready> accepted = new ArrayList<>();
                                    for (Ready r : ready) {
                                        Result refused = check(r, stored, holds, ceased, open);
                                        if (refused == null) {
                                            accepted.add(r);
                                        } else {
                                            out.add(refused);
                                        }
                                    }
                                    return accepted;
                                }))))
                .compose(accepted -> create(conn, accepted, principal, now, out))
                .map(out);
    }

    /** Why an item cannot be written as new (a repeat is answered as the first time), or null when it can. */
    private static Result check(Ready r, Map<String, IdempotencyKeys.Stored> stored, Map<String, List<String>> holds,
                                Set<String> ceased, Set<String> open) {
        Item item = r.item();
        NewEnrollment e = r.prepared().enrollment();
        IdempotencyKeys.Stored before = item.key() == null ? null : stored.get(item.key().key());
        if (before != null) {
            return before.requestHash().equals(item.key().requestHash())
                    ? new Result(item.index(), Enrolled.fromJson(before.response()), null)
                    : Result.refused(item.index(), new Refusal.KeyReused());
        }
        List<String> caseHolds = holds.getOrDefault(e.caseId(), List.of());
        if (!caseHolds.isEmpty()) {
            return Result.refused(item.index(), new Refusal.Conflict("case " + e.caseId() + " is on hold ("
                    + String.join(", ", caseHolds) + "): no contact about it may happen"));
        }
        if (ceased.contains(e.debtor().id()) || e.preferences() != null && e.preferences().ceaseAll()) {
            return Result.refused(item.index(), new Refusal.Conflict("debtor " + e.debtor().id()
                    + " asked for no contact at all (a cease request); no sequence can start"));
        }
        if (open.contains(r.pair())) {
            return Result.refused(item.index(), new Refusal.Conflict("case " + e.caseId()
                    + " already has an open enrollment in sequence " + e.sequenceName()));
        }
        return null;
    }

    private static Future<Void> create(SqlConnection conn, List<Ready> accepted, String principal, Instant now,
                                       List<Result> out) {
        List<NewEnrollment> rows = accepted.stream().map(r -> r.prepared().enrollment()).toList();
        List<TimelineEntry> created = accepted.stream()
                .map(r -> Enroller.created(r.prepared().enrollment(), r.prepared().enrolled())).toList();
        List<IdempotencyKeys.Answer> answers = accepted.stream().filter(r -> r.item().key() != null)
                .map(r -> new IdempotencyKeys.Answer(r.item().key().key(), r.item().key().requestHash(), 201,
                        r.prepared().enrolled().toJson()))
                .toList();
        return EnrollmentBatches.create(conn, rows)
                .compose(v -> Timeline.append(conn, created))
                .compose(v -> IdempotencyKeys.storeAll(conn, principal, answers, now))
                .map(storedKeys -> {
                    if (storedKeys.size() < answers.size()) {
                        // another request took one of these keys meanwhile: nothing of this batch may stand
                        throw new IllegalStateException("an idempotency key of this batch was taken by a concurrent "
                                + "request; send the batch again");
                    }
                    accepted.forEach(r -> out.add(new Result(r.item().index(), r.prepared().enrolled(), null)));
                    return null;
                });
    }
}
