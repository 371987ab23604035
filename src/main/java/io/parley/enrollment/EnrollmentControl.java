package io.parley.enrollment;

import io.parley.api.ApiProblem;
import io.parley.store.DueSteps;
import io.parley.store.Enrollments;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads enrollments and moves them between active, paused and cancelled on the collection engine's request. */
public final class EnrollmentControl {
    /** What the engine can ask for: the target status and the statuses it may come from. */
    public enum Command {
        CANCEL(Enrollments.CANCELLED, List.of(Enrollments.ACTIVE, Enrollments.PAUSED)),
        PAUSE(Enrollments.PAUSED, List.of(Enrollments.ACTIVE)),
        RESUME(Enrollments.ACTIVE, List.of(Enrollments.PAUSED));

        private final String to;
        private final List<String> from;

        Command(String to, List<String> from) {
            this.to = to;
            this.from = from;
        }
    }

    private final Pool pool;
    private final Clock clock;

    public EnrollmentControl(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Future<JsonObject> get(UUID id) {
        return Enrollments.find(pool, id).map(found -> found.orElseThrow(() -> ApiProblem.notFound("enrollment " + id)));
    }

    public Future<JsonObject> apply(UUID id, Command command, String reason) {
        Instant now = clock.instant();
        String why = reason == null ? "requested by the collection engine" : reason;
        return Transactions.run(pool, conn -> DueSteps.lock(conn, id)
                .compose(v -> Enrollments.transition(conn, id, command.to, why, command.from, now))
                .compose(caseId -> {
                    if (caseId.isEmpty()) {
                        return Enrollments.find(conn, id).compose(found -> Future.failedFuture(found.isEmpty()
                                ? ApiProblem.notFound("enrollment " + id)
                                : ApiProblem.conflict("enrollment " + id + " is " + found.get().getString("status")
                                + "; it cannot be " + past(command))));
                    }
                    return Timeline.append(conn, new TimelineEntry(caseId.get(), id, now, "enrollment." + past(command),
                            new JsonObject().put("reason", why))).compose(v -> Enrollments.find(conn, id));
                }))
                .map(found -> found.orElseThrow(() -> ApiProblem.notFound("enrollment " + id)));
    }

    private static String past(Command command) {
        return switch (command) {
            case CANCEL -> "cancelled";
            case PAUSE -> "paused";
            case RESUME -> "resumed";
        };
    }
}
