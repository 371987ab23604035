package io.parley.enrollment;

import io.parley.http.ApiProblem;
import io.parley.http.ApiResponse;
import io.parley.api.EnrollmentRequest;
import io.parley.http.FieldError;
import io.parley.api.PackIds;
import io.parley.enrollment.Sequences;
import io.parley.domain.Debtor;
import io.parley.sequence.EnrollmentClock;
import io.parley.sequence.MissingDueDateException;
import io.parley.sequence.Plan;
import io.parley.sequence.PlannedStep;
import io.parley.sequence.SequenceDefinition;
import io.parley.sequence.SequenceEngine;
import io.parley.store.CaseHolds;
import io.parley.store.EnrollmentStatus;
import io.parley.store.Enrollments;
import io.parley.store.Locks;
import io.parley.store.TimelineKinds;
import io.parley.store.IdempotencyKeys;
import io.parley.store.NewEnrollment;
import io.parley.store.Timeline;
import io.parley.store.Transactions;
import io.parley.store.TimelineEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
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

    /** @param packIds the rule packs an enrollment may name */
    public Enroller(Pool pool, Sequences sequences, SequenceEngine engine, Set<String> packIds, ZoneId defaultZone,
                    Clock clock) {
        this.pool = pool;
        this.sequences = sequences;
        this.engine = engine;
        this.packIds = Set.copyOf(packIds);
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey the client's key, or null
     * @param requestHash    a digest of the request, to tell a true repeat from a reused key
     */
    public Future<ApiResponse> enroll(EnrollmentRequest request, String principal, String idempotencyKey,
                                      String requestHash) {
        Instant now = clock.instant();
        Prepared prepared = prepare(request, now);
        NewEnrollment enrollment = prepared.enrollment();
        JsonObject body = prepared.body();
        return Transactions.run(pool, conn -> Locks.caseAlone(conn, request.caseId())
                        .compose(v -> reserve(conn, principal, idempotencyKey, requestHash, now))
                        .compose(stored -> stored.isPresent() ? replay(stored.get(), requestHash)
                                : create(conn, enrollment, body, principal, idempotencyKey)))
                .recover(err -> Future.failedFuture(err instanceof Enrollments.AlreadyEnrolled
                        ? ApiProblem.conflict(err.getMessage()) : err));
    }

    /** An enrollment worked out and checked, not yet written: its rows and the body that answers for it. */
    record Prepared(NewEnrollment enrollment, JsonObject body) {
    }

    /** Checks the request against the sequences and packs and works out the first step; writes nothing. */
    Prepared prepare(EnrollmentRequest request, Instant now) {
        PackIds.check(request.policyPacks(), packIds);
        SequenceDefinition def = definition(request);
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
            throw ApiProblem.validation(List.of(new FieldError("account.dueDate",
                    "is required by sequence " + def.name() + " (it schedules steps from the due date)")));
        }
        UUID id = UUID.randomUUID();
        JsonObject body = new JsonObject()
                .put("id", id.toString()).put("caseId", request.caseId())
                .put("sequence", def.name()).put("version", def.version()).put("status", EnrollmentStatus.ACTIVE.wire())
                .put("createdAt", now.toString()).put("startAt", startedAt.toString()).put("timeZone", zone.getId())
                .put("plannedSteps", plannedJson(planned));
        NewEnrollment enrollment = new NewEnrollment(id, request.caseId(), debtor, request.account(),
                new JsonObject(new java.util.HashMap<>(request.variables())), def.name(), def.version(), startedAt,
                zone, first.step().id(), first.dueAt(), now, request.policyPacks(), request.preferences());
        return new Prepared(enrollment, body);
    }

    /** The timeline entry that records an enrollment's creation. */
    static TimelineEntry created(NewEnrollment e, JsonObject body) {
        return new TimelineEntry(e.caseId(), e.id(), e.createdAt(), TimelineKinds.ENROLLMENT_CREATED,
                new JsonObject().put("sequence", e.sequenceName()).put("version", e.sequenceVersion())
                        .put("startAt", e.startedAt().toString()).put("timeZone", e.zone().getId())
                        .put("plannedSteps", body.getJsonArray("plannedSteps")));
    }

    private SequenceDefinition definition(EnrollmentRequest request) {
        Optional<SequenceDefinition> def = sequences.forNewEnrollment(request.sequence(), request.sequenceVersion());
        return def.orElseThrow(() -> ApiProblem.validation(List.of(request.sequenceVersion() == null
                ? new FieldError("sequence", "no sequence named '" + request.sequence() + "'")
                : new FieldError("sequenceVersion", "sequence '" + request.sequence() + "' has no version "
                + request.sequenceVersion()))));
    }

    private static Future<Optional<IdempotencyKeys.Stored>> reserve(SqlConnection conn, String principal, String key,
                                                                     String hash, Instant now) {
        return key == null ? Future.succeededFuture(Optional.empty())
                : IdempotencyKeys.reserve(conn, principal, key, hash, now);
    }

    private static Future<ApiResponse> replay(IdempotencyKeys.Stored stored, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            return Future.failedFuture(ApiProblem.idempotencyMismatch());
        }
        return Future.succeededFuture(new ApiResponse(stored.status(), stored.response()));
    }

    private static Future<ApiResponse> create(SqlConnection conn, NewEnrollment e, JsonObject body, String principal,
                                              String idempotencyKey) {
        TimelineEntry created = created(e, body);
        return CaseHolds.of(conn, e.caseId())
                .compose(holds -> holds.isEmpty() ? Enrollments.debtorCeased(conn, e.debtor().id()).map(ceased -> {
                    boolean stillCeased = ceased || e.preferences() != null && e.preferences().ceaseAll();
                    if (stillCeased) {
                        throw ApiProblem.conflict("debtor " + e.debtor().id() + " asked for no contact at all "
                                + "(a cease request); no sequence can start");
                    }
                    return null;
                }) : Future.failedFuture(ApiProblem.conflict("case " + e.caseId() + " is on hold ("
                        + String.join(", ", holds) + "): no contact about it may happen")))
                .compose(v -> Enrollments.create(conn, e))
                .compose(v -> Timeline.append(conn, created))
                .compose(v -> idempotencyKey == null ? Future.succeededFuture()
                        : IdempotencyKeys.complete(conn, principal, idempotencyKey, 201, body))
                .map(v -> new ApiResponse(201, body));
    }

    private static JsonArray plannedJson(List<PlannedStep> planned) {
        JsonArray out = new JsonArray();
        for (PlannedStep p : planned) {
            out.add(new JsonObject().put("stepId", p.step().id()).put("channel", p.step().channel().wire())
                    .put("template", p.step().template()).put("dueAt", p.dueAt().toString()));
        }
        return out;
    }
}
