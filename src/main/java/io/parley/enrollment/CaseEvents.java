package io.parley.enrollment;

import io.parley.domain.CaseEventType;
import io.parley.sequence.SequenceDefinition;
import io.parley.store.CaseHolds;
import io.parley.store.EnrollmentStatus;
import io.parley.store.Enrollments;
import io.parley.store.Locks;
import io.parley.store.Promises;
import io.parley.store.Tasks;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * Facts about a case from the collection engine (payment, promise, dispute, cease request, attorney, bankruptcy):
 * recorded in the timeline; every open enrollment whose sequence lists the event stops or pauses at once; and a
 * dispute, cease request, attorney or bankruptcy puts the case on hold and stops every enrollment whatever its
 * sequence says.
 */
public final class CaseEvents {
    private final Pool pool;
    private final Sequences sequences;
    private final Duration promiseGrace;
    private final ZoneId defaultZone;
    private final Clock clock;

    /**
     * @param promiseGrace how long after a promised day the promise is broken without a payment
     * @param defaultZone  the zone of that day when the case has no enrollment
     */
    public CaseEvents(Pool pool, Sequences sequences, Duration promiseGrace, ZoneId defaultZone, Clock clock) {
        this.pool = pool;
        this.sequences = sequences;
        this.promiseGrace = promiseGrace;
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    /** Applies the event in a transaction of its own. */
    public Future<CaseEventOutcome> apply(String caseId, CaseEventRequest event) {
        return Transactions.run(pool, conn -> {
            List<TimelineEntry> timeline = new ArrayList<>();
            return applyIn(conn, caseId, event.type(), event.occurredAt(), event.reference(), event.details(),
                    clock.instant(), timeline).compose(result -> Timeline.append(conn, timeline).map(result));
        });
    }

    /**
     * Applies the event inside the caller's transaction (a reply routed to the case uses this too), adding its
     * timeline entries to {@code timeline} for the caller to append once.
     */
    public Future<CaseEventOutcome> applyIn(SqlConnection conn, String caseId, CaseEventType type, Instant occurredAt,
                                      String reference, java.util.Map<String, Object> details, Instant now,
                                      List<TimelineEntry> timeline) {
        return applyIn(conn, caseId, type, occurredAt, reference, details, now, timeline, false);
    }

    /**
     * As {@link #applyIn(SqlConnection, String, CaseEventType, Instant, String, java.util.Map, Instant, List)}; when
     * {@code locked}, the caller already holds the case's locks and its queue rows' ({@link Locks#cases}) in this
     * transaction, and they are not taken again.
     */
    public Future<CaseEventOutcome> applyIn(SqlConnection conn, String caseId, CaseEventType type, Instant occurredAt,
                                      String reference, java.util.Map<String, Object> details, Instant now,
                                      List<TimelineEntry> timeline, boolean locked) {
        JsonObject data = new JsonObject().put("type", type.wire())
                .put("occurredAt", occurredAt.toString()).put("reference", reference)
                .put("details", new JsonObject(new LinkedHashMap<>(details)));
        timeline.add(new TimelineEntry(caseId, null, now, TimelineKinds.CASE_EVENT, data));
        return (locked ? Future.<Void>succeededFuture() : Locks.cases(conn, List.of(caseId)))
                .compose(v -> type.holdsAllContact()
                        ? CaseHolds.place(conn, caseId, type.wire(), reference, now) : Future.succeededFuture())
                .compose(v -> type == CaseEventType.CEASE_REQUEST
                        ? CaseHolds.ceaseAllContact(conn, caseId, now) : Future.succeededFuture())
                .compose(v -> type.holdsAllContact() ? closeTasks(conn, caseId, List.of("visit", "agency", "legal"),
                        Tasks.CANCELLED, "cancelled: " + type.wire() + " on the case", now, timeline)
                        : Future.succeededFuture())
                .compose(v -> type == CaseEventType.RECALL ? recall(conn, caseId, now, timeline)
                        : Future.succeededFuture())
                .compose(v -> type == CaseEventType.PROMISE_TO_PAY
                        ? promise(conn, caseId, details, occurredAt, now, timeline) : Future.succeededFuture())
                .compose(v -> Enrollments.noteFacts(conn, caseId, type == CaseEventType.PROMISE_TO_PAY,
                        type == CaseEventType.REPLIED, now))
                .compose(v -> Enrollments.openForCase(conn, caseId))
                .compose(open -> react(conn, caseId, type, open, now, timeline));
    }

    /**
     * Records the promise (amount and date from the details; no date: a week after it was made), due at the end of
     * the promised day in the case's zone plus the grace period.
     */
    private Future<Void> promise(SqlConnection conn, String caseId, java.util.Map<String, Object> details,
                                 Instant occurredAt, Instant now, List<TimelineEntry> timeline) {
        return Enrollments.caseZone(conn, caseId).compose(found -> {
            ZoneId zone = found.orElse(defaultZone);
            Object date = details.get("date");
            LocalDate day = date == null ? occurredAt.atZone(zone).toLocalDate().plusDays(7)
                    : LocalDate.parse(String.valueOf(date));
            Object amountValue = details.get("amount");
            BigDecimal amount = amountValue == null ? null : new BigDecimal(String.valueOf(amountValue));
            Instant due = day.plusDays(1).atStartOfDay(zone).toInstant().plus(promiseGrace);
            return Promises.record(conn, caseId, amount, day, due, String.valueOf(details.getOrDefault("source", "api")),
                    now).map(id -> {
                        JsonObject data = new JsonObject().put("promiseId", id.toString())
                                .put("amount", amount == null ? null : amount.toPlainString())
                                .put("date", day.toString()).put("dueAt", due.toString());
                        for (String extra : List.of("amountText", "dateText", "source")) {
                            if (details.containsKey(extra)) {
                                data.put(extra, details.get(extra));
                            }
                        }
                        timeline.add(new TimelineEntry(caseId, null, now, TimelineKinds.PROMISE_RECORDED, data));
                        return null;
                    });
        });
    }

    /** The case comes back from the agency: the placement hold is lifted and the placement task closed. */
    private static Future<Void> recall(SqlConnection conn, String caseId, Instant now, List<TimelineEntry> timeline) {
        return CaseHolds.lift(conn, caseId, "agency", now).compose(lifted -> {
            lifted.ifPresent(hold -> timeline.add(new TimelineEntry(caseId, null, now, TimelineKinds.HOLD_LIFTED,
                    hold.put("reason", "recalled from the agency"))));
            return closeTasks(conn, caseId, List.of("agency"), Tasks.RECALLED, "recalled from the agency", now,
                    timeline);
        });
    }

    /** Closes the case's open hand-off tasks of these kinds, each noted on the timeline with the reason. */
    private static Future<Void> closeTasks(SqlConnection conn, String caseId, List<String> kinds, String state,
                                           String reason, Instant now, List<TimelineEntry> timeline) {
        return Tasks.closeOfCase(conn, caseId, kinds, state, reason, now).map(closed -> {
            closed.forEach(t -> timeline.add(new TimelineEntry(caseId, UUID.fromString(t.getString("enrollmentId")),
                    now, TimelineKinds.TASK_CLOSED, new JsonObject().put("taskId", t.getString("id"))
                    .put("kind", t.getString("kind")).put("state", state).put("reason", reason))));
            return null;
        });
    }

    private Future<CaseEventOutcome> react(SqlConnection conn, String caseId, CaseEventType type,
                                     List<Enrollments.Open> open, Instant now, List<TimelineEntry> timeline) {
        List<UUID> stopped = new ArrayList<>();
        List<UUID> paused = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        String reason = Enrollments.reason(type);
        for (Enrollments.Open e : open) {
            UUID id = e.id();
            SequenceDefinition def = sequences.definition(e.sequenceName(), e.sequenceVersion());
            if (type.holdsAllContact() || def.stopOn().contains(type)) {
                stopped.add(id);
                chain = chain.compose(v -> move(conn, id, EnrollmentStatus.STOPPED, reason, EnrollmentStatus.OPEN, now));
                timeline.add(new TimelineEntry(caseId, id, now, TimelineKinds.ENROLLMENT_STOPPED,
                        new JsonObject().put("reason", reason)));
            } else if (def.pauseOn().contains(type) && e.status() == EnrollmentStatus.ACTIVE) {
                paused.add(id);
                chain = chain.compose(v -> move(conn, id, EnrollmentStatus.PAUSED, reason,
                        List.of(EnrollmentStatus.ACTIVE), now));
                timeline.add(new TimelineEntry(caseId, id, now, TimelineKinds.ENROLLMENT_PAUSED,
                        new JsonObject().put("reason", reason)));
            }
        }
        return chain.map(v -> new CaseEventOutcome(stopped, paused, type.holdsAllContact()));
    }

    private static Future<Void> move(SqlConnection conn, UUID id, EnrollmentStatus to, String reason,
                                     List<EnrollmentStatus> from, Instant now) {
        return Enrollments.transition(conn, id, to, reason, from, now).mapEmpty();
    }
}
