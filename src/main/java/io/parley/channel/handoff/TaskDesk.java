package io.parley.channel.handoff;

import io.micrometer.core.instrument.Counter;
import io.parley.channel.AttemptChange;
import io.parley.channel.ChannelContext;
import io.parley.channel.ChannelServices;
import io.parley.channel.Outbound;
import io.parley.channel.SendResult;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.store.CaseHolds;
import io.parley.store.EnrollmentStatus;
import io.parley.store.Enrollments;
import io.parley.store.Locks;
import io.parley.store.Tasks;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.parley.store.Transactions;
import io.parley.template.VoiceScript;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where hand-off tasks are opened and closed. Opening stores the task and tells the engine (a {@code task.created}
 * case event); an agency placement also puts the case on an {@code agency} hold, and a legal referral ends the case's
 * open sequences. An outcome closes the task once (a repeat of the same outcome changes nothing), is noted on the
 * timeline, flagged as a compliance exception when it lies outside the visit's lawful window, and then acts like the
 * same news from any channel: a promise, an invalid address, the step's branch.
 */
final class TaskDesk {
    static final int PER_ROUND = 100;
    static final String AGENCY_HOLD = "agency";
    static final String EXCEPTION_METRIC = "parley_task_compliance_exceptions_total";

    private final Pool pool;
    private final ChannelServices services;
    private final HandoffConfig config;
    private final Clock clock;
    private final Counter exceptions;

    TaskDesk(ChannelContext context, HandoffConfig config) {
        this.pool = context.pool();
        this.services = context.services();
        this.config = config;
        this.clock = context.clock();
        this.exceptions = Counter.builder(EXCEPTION_METRIC)
                .description("Hand-off outcomes recorded outside their lawful window").register(
                        context.metrics().registry());
    }

    /** Opens the task of a committed hand-off attempt. */
    Future<SendResult> open(Outbound outbound) {
        Instant now = clock.instant();
        Channel kind = outbound.channel();
        JsonObject detail = new JsonObject().put("taskId", outbound.attemptId().toString()).put("kind", kind.wire())
                .put("caseId", outbound.caseId()).put("locale", outbound.locale())
                .put("instructions", outbound.message() instanceof VoiceScript s ? s.text() : null);
        Instant from = null;
        Instant until = null;
        Instant deadline = null;
        if (kind == Channel.VISIT) {
            detail.put("address", outbound.to());
            Object window = outbound.decision().get("window");
            if (window instanceof Map<?, ?> w) {
                JsonObject json = JsonObject.mapFrom(w);
                detail.put("window", json);
                from = Instant.parse(json.getString("from"));
                until = Instant.parse(json.getString("until"));
            }
            deadline = now.plus(config.visitDeadline());
            detail.put("deadline", deadline.toString());
        }
        Instant windowFrom = from;
        Instant windowUntil = until;
        Instant due = deadline;
        return Transactions.run(pool, conn -> Locks.cases(conn, List.of(outbound.caseId()))
                .compose(v -> kind == Channel.AGENCY ? Tasks.summary(conn, outbound.attemptId(),
                        HandoffModule.CHANNELS.stream().map(Channel::wire).toList()).map(s -> detail.put("summary", s))
                        : Future.succeededFuture(detail))
                .compose(d -> Tasks.insert(conn, outbound.attemptId(), kind.wire(), d, windowFrom, windowUntil, due, now))
                .compose(inserted -> inserted.isEmpty() ? Future.succeededFuture()
                        : opened(conn, kind, inserted.get(), outbound.caseId(), detail, now)))
                .map(v -> SendResult.accepted(kind == Channel.VISIT ? AttemptStatus.SENT : AttemptStatus.DELIVERED,
                        outbound.attemptId().toString()));
    }

    private Future<Void> opened(SqlConnection conn, Channel kind, UUID enrollmentId, String caseId, JsonObject detail,
                                Instant now) {
        List<TimelineEntry> timeline = new ArrayList<>();
        timeline.add(new TimelineEntry(caseId, enrollmentId, now, TimelineKinds.TASK_CREATED, detail));
        Future<Void> effect = Future.succeededFuture();
        if (kind == Channel.AGENCY) {
            effect = CaseHolds.place(conn, caseId, AGENCY_HOLD, detail.getString("taskId"), now);
        } else if (kind == Channel.LEGAL) {
            String reason = "referred to legal (task " + detail.getString("taskId") + "): no more contact from Parley";
            effect = Enrollments.openForCase(conn, caseId).compose(open -> {
                Future<Void> chain = Future.succeededFuture();
                for (Enrollments.Open e : open) {
                    chain = chain.compose(v -> Enrollments.transition(conn, e.id(), EnrollmentStatus.STOPPED, reason,
                            EnrollmentStatus.OPEN, now).map(moved -> {
                                moved.ifPresent(c -> timeline.add(new TimelineEntry(caseId, e.id(), now,
                                        TimelineKinds.ENROLLMENT_STOPPED, new JsonObject().put("reason", reason))));
                                return null;
                            }));
                }
                return chain;
            });
        }
        return effect.compose(v -> Timeline.append(conn, timeline));
    }

    /** Records a task's outcome once; fails with {@link TaskRefusal} for an unknown or already closed task. */
    Future<JsonObject> record(UUID id, TaskOutcome outcome) {
        Instant now = clock.instant();
        return Transactions.run(pool, conn -> Tasks.find(conn, id).compose(found -> {
            JsonObject task = found.orElseThrow(() -> new TaskRefusal(404, "no task " + id));
            if (!Tasks.OPEN.equals(task.getString("state"))) {
                if (outcome.outcome().wire().equals(task.getString("outcome"))
                        && task.getString("outcomeAt") != null && Instant.parse(task.getString("outcomeAt"))
                        .equals(outcome.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS))) {
                    return Future.succeededFuture(new Closed(task, false, true));
                }
                throw new TaskRefusal(409, "task " + id + " is " + task.getString("state")
                        + (task.getString("outcome") == null ? "" : " with outcome " + task.getString("outcome")));
            }
            // a timeout is no visit that happened: nothing to hold against the window
            boolean outside = outcome.outcome() != TaskOutcome.TIMEOUT && TaskViews.outsideWindow(task, outcome.at());
            JsonObject detail = TaskViews.outcomeDetail(outcome, outside);
            String state = outcome.outcome() == TaskOutcome.TIMEOUT ? Tasks.EXPIRED : Tasks.DONE;
            return Tasks.close(conn, id, state, outcome.outcome().wire(), outcome.at(), outcome.notes(), detail, now)
                    .compose(closed -> {
                        JsonObject c = closed.orElseThrow();
                        return Timeline.append(conn, TaskViews.outcomeEntries(c, outcome, outside, now))
                                .map(new Closed(c, outside, false));
                    });
        })).compose(closed -> act(closed, outcome).map(TaskViews.view(closed.task())));
    }

    private Future<Void> act(Closed closed, TaskOutcome outcome) {
        JsonObject task = closed.task();
        UUID id = UUID.fromString(task.getString("id"));
        Future<?> first = Future.succeededFuture();
        if (closed.outside()) {
            exceptions.increment();
        }
        if (!closed.replayed() && outcome.outcome() == TaskOutcome.PROMISED) {
            first = services.promise(Channel.of(task.getString("kind")), id, outcome.amount(), outcome.date(),
                    id.toString());
        } else if (!closed.replayed() && outcome.outcome() == TaskOutcome.ADDRESS_INVALID) {
            String address = task.getJsonObject("detail").getString("address");
            String reason = "field visit found the address invalid (task " + id + ")";
            first = services.contactPoint(Channel.VISIT, address, ChannelServices.ContactPointStanding.INVALID, reason)
                    .compose(n -> services.contactPoint(Channel.LETTER, address,
                            ChannelServices.ContactPointStanding.INVALID, reason));
        }
        AttemptStatus status = outcome.conversation() || outcome.outcome() == TaskOutcome.THIRD_PARTY
                ? AttemptStatus.DELIVERED : AttemptStatus.UNDELIVERED;
        return first.compose(v -> services.record(List.of(new AttemptChange(id, status, id.toString(), null, null,
                outcome.outcome(), new JsonObject().put("taskId", id.toString()))))).mapEmpty();
    }

    /** Closes the open tasks past their deadline with the timeout outcome; how many it looked at. */
    Future<Integer> expire() {
        Instant now = clock.instant();
        return Tasks.pastDeadline(pool, now, PER_ROUND).compose(ids -> {
            Future<Void> chain = Future.succeededFuture();
            for (UUID id : ids) {
                chain = chain.compose(v -> record(id, new TaskOutcome(TaskOutcome.TIMEOUT, now,
                        "no outcome by the task's deadline", null, null)).<Void>mapEmpty()
                        .recover(e -> Future.succeededFuture()));
            }
            return chain.map(ids.size());
        });
    }

    /** A page of tasks as the API shows them, oldest first. */
    Future<JsonObject> page(String caseId, String kind, String state, Optional<TaskViews.Cursor> after, int limit) {
        return Tasks.page(pool, caseId, kind, state, after.map(TaskViews.Cursor::createdAt).orElse(Instant.EPOCH),
                after.map(TaskViews.Cursor::id).orElse(new UUID(0, 0)), limit + 1).map(rows -> TaskViews.page(rows, limit));
    }

    private record Closed(JsonObject task, boolean outside, boolean replayed) {
    }
}
