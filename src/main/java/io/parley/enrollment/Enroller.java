package io.parley.enrollment;

import io.parley.analytics.VariantAssignment;
import io.parley.domain.Debtor;
import io.parley.sequence.EnrollmentClock;
import io.parley.sequence.MissingDueDateException;
import io.parley.sequence.Plan;
import io.parley.sequence.PlannedStep;
import io.parley.sequence.SequenceDefinition;
import io.parley.sequence.SequenceEngine;
import io.parley.store.CaseHolds;
import io.parley.store.Enrollments;
import io.parley.store.Locks;
import io.parley.store.TimelineKinds;
import io.parley.store.IdempotencyKeys;
import io.parley.store.NewEnrollment;
import io.parley.store.Timeline;
import io.parley.store.DueSoon;
import io.parley.store.Transactions;
import io.parley.store.TimelineEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Enrolls a case into a sequence: the debtor and contact points, the enrollment and its first due step, and the
 * timeline entry commit together, with the Idempotency-Key reserved in the same transaction.
 */
public final class Enroller {
    private final Pool pool;
    private final Sequences sequences;
    private final SequenceEngine engine;
    private final Set<String> packIds;
    private final ZoneId defaultZone;
    private final Clock clock;
    private final DueSoon dueSoon;

    /** @param packIds the rule packs an enrollment may name */
    public Enroller(Pool pool, Sequences sequences, SequenceEngine engine, Set<String> packIds, ZoneId defaultZone,
                    Clock clock) {
        this(pool, sequences, engine, packIds, defaultZone, clock, DueSoon.NONE);
    }

    /**
     * @param packIds the rule packs an enrollment may name
     * @param dueSoon told when each committed enrollment's first step falls due
     */
    public Enroller(Pool pool, Sequences sequences, SequenceEngine engine, Set<String> packIds, ZoneId defaultZone,
                    Clock clock, DueSoon dueSoon) {
        this.dueSoon = dueSoon;
        this.pool = pool;
        this.sequences = sequences;
        this.engine = engine;
        this.packIds = Set.copyOf(packIds);
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    /**
     * Enrolls the case, or, for a repeat of a request under the same key, gives back what the first one created.
     *
     * @param key the caller's idempotency key, or null
     * @throws Refusal.Invalid  an unknown rule pack, sequence or version; a due date or postal address the sequence
     *                          needs (thrown at once, or failing the future)
     * @throws Refusal.Conflict an open enrollment in the sequence, a hold on the case, a debtor who ceased contact
     * @throws Refusal.KeyReused the key was used with a different request
     */
    public Future<Enrolled> enroll(EnrollmentRequest request, IdempotencyKey key) {
        Instant now = clock.instant();
        Prepared prepared = prepare(request, now);
        return Transactions.run(pool, conn -> Locks.caseAlone(conn, request.caseId())
                        .compose(v -> reserve(conn, key, now))
                        .compose(stored -> stored.isPresent() ? replay(stored.get(), key)
                                : create(conn, prepared.enrollment(), prepared.enrolled(), key)))
                .andThen(ar -> {
                    if (ar.succeeded()) {
                        dueSoon.dueAt(prepared.enrollment().firstDueAt());
                    }
                })
                .recover(err -> Future.failedFuture(err instanceof Enrollments.AlreadyEnrolled
                        ? new Refusal.Conflict(err.getMessage()) : err));
    }

    /** Told when each committed enrollment's first step falls due. */
    DueSoon dueSoon() {
        return dueSoon;
    }

    /** An enrollment worked out and checked against the sequences and packs, not yet written. */
    record Prepared(NewEnrollment enrollment, Enrolled enrolled) {
    }

    /**
     * Checks the request against the sequences and rule packs and works out the first step; writes nothing.
     *
     * @throws Refusal.Invalid an unknown rule pack, sequence or version; a due date or postal address it needs
     */
    Prepared prepare(EnrollmentRequest request, Instant now) {
        PolicyPacks.check(request.policyPacks(), packIds);
        SequenceDefinition sequence = definition(request);
        String variant = variant(sequence, request.caseId());
        // the steps of the case's experiment arm (the sequence's own when it runs no experiment)
        SequenceDefinition def = sequence.arm(variant);
        Debtor debtor = PostalSteps.addressed(def, request.debtor());
        Instant startedAt = request.startAt() == null ? now : request.startAt();
        ZoneId zone = request.debtor().explicitZone().orElse(defaultZone);
        EnrollmentClock enrollmentClock = new EnrollmentClock(startedAt, request.account().dueDate(), zone);
        Plan.RunStep first;
        List<PlannedStep> planned;
        try {
            first = (Plan.RunStep) engine.start(def, enrollmentClock);
            planned = engine.projection(def, enrollmentClock);
        } catch (MissingDueDateException e) {
            throw new Refusal.Invalid(List.of(new Refusal.Violation("account.dueDate",
                    "is required by sequence " + def.name() + " (it schedules steps from the due date)")));
        }
        Enrolled enrolled = new Enrolled(UUID.randomUUID(), request.caseId(), def.name(), def.version(), now,
                startedAt, zone, planned.stream().map(Enrolled.Planned::of).toList());
        NewEnrollment enrollment = new NewEnrollment(enrolled.id(), request.caseId(), debtor, request.account(),
                new JsonObject(new java.util.HashMap<>(request.variables())), def.name(), def.version(), startedAt,
                zone, first.step().id(), first.dueAt(), now, request.policyPacks(), request.preferences(),
                def.experiment() == null ? null : def.experiment().name(), variant);
        return new Prepared(enrollment, enrolled);
    }

    /** The timeline entry that records an enrollment's creation. */
    static TimelineEntry created(NewEnrollment e, Enrolled enrolled) {
        return new TimelineEntry(e.caseId(), e.id(), e.createdAt(), TimelineKinds.ENROLLMENT_CREATED,
                new JsonObject().put("sequence", e.sequenceName()).put("version", e.sequenceVersion())
                        .put("startAt", e.startedAt().toString()).put("timeZone", e.zone().getId())
                        .put("plannedSteps", enrolled.plannedJson()));
    }

    /** The experiment arm of the case: the same every time the case is enrolled in the sequence. */
    public static String variant(SequenceDefinition def, String caseId) {
        return def.experiment() == null ? null : VariantAssignment.assign(def.experiment().name(), caseId,
                def.experiment().variants().stream()
                        .map(v -> new VariantAssignment.Weighted(v.name(), v.weight())).toList());
    }

    private SequenceDefinition definition(EnrollmentRequest request) {
        Optional<SequenceDefinition> def = sequences.forNewEnrollment(request.sequence(), request.sequenceVersion());
        return def.orElseThrow(() -> new Refusal.Invalid(List.of(request.sequenceVersion() == null
                ? new Refusal.Violation("sequence", "no sequence named '" + request.sequence() + "'")
                : new Refusal.Violation("sequenceVersion", "sequence '" + request.sequence() + "' has no version "
                + request.sequenceVersion()))));
    }

    private static Future<Optional<IdempotencyKeys.Stored>> reserve(SqlConnection conn, IdempotencyKey key,
                                                                     Instant now) {
        return key == null ? Future.succeededFuture(Optional.empty())
                : IdempotencyKeys.reserve(conn, key.principal(), key.key(), key.requestHash(), now);
    }

    private static Future<Enrolled> replay(IdempotencyKeys.Stored stored, IdempotencyKey key) {
        if (!stored.requestHash().equals(key.requestHash())) {
            return Future.failedFuture(new Refusal.KeyReused());
        }
        return Future.succeededFuture(Enrolled.fromJson(stored.response()));
    }

    private static Future<Enrolled> create(SqlConnection conn, NewEnrollment e, Enrolled enrolled,
                                           IdempotencyKey key) {
        TimelineEntry created = created(e, enrolled);
        return CaseHolds.of(conn, e.caseId())
                .compose(holds -> holds.isEmpty() ? Enrollments.debtorCeased(conn, e.debtor().id()).map(ceased -> {
                    boolean stillCeased = ceased || e.preferences() != null && e.preferences().ceaseAll();
                    if (stillCeased) {
                        throw new Refusal.Conflict("debtor " + e.debtor().id() + " asked for no contact at all "
                                + "(a cease request); no sequence can start");
                    }
                    return null;
                }) : Future.failedFuture(new Refusal.Conflict("case " + e.caseId() + " is on hold ("
                        + String.join(", ", holds) + "): no contact about it may happen")))
                .compose(v -> Enrollments.create(conn, e))
                .compose(v -> Timeline.append(conn, created))
                .compose(v -> key == null ? Future.succeededFuture()
                        : IdempotencyKeys.completeCreated(conn, key.principal(), key.key(), enrolled.toJson()))
                .map(v -> enrolled);
    }
}
