package io.parley.enrollment;

import io.parley.store.EnrollmentStatus;
import io.parley.store.Enrollments;
import io.parley.store.Locks;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
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
        CANCEL(EnrollmentStatus.CANCELLED, EnrollmentStatus.OPEN, TimelineKinds.ENROLLMENT_CANCELLED),
        PAUSE(EnrollmentStatus.PAUSED, List.of(EnrollmentStatus.ACTIVE), TimelineKinds.ENROLLMENT_PAUSED),
        RESUME(EnrollmentStatus.ACTIVE, List.of(EnrollmentStatus.PAUSED), TimelineKinds.ENROLLMENT_RESUMED);

        private final EnrollmentStatus to;
        private final List<EnrollmentStatus> from;
        private final String noted;

        Command(EnrollmentStatus to, List<EnrollmentStatus> from, String noted) {
            this.to = to;
            this.from = from;
            this.noted = noted;
        }
    }

    private final Pool pool;
    private final Clock clock;

    public EnrollmentControl(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The enrollment as stored; fails with {@link Refusal.NotFound} when there is none. */
    public Future<JsonObject> get(UUID id) {
        return Enrollments.find(pool, id).map(found -> found.orElseThrow(() -> new Refusal.NotFound("enrollment " + id)));
    }

    /**
     * Moves the enrollment and notes it on the timeline; fails with {@link Refusal.NotFound} when there is no such
     * enrollment, {@link Refusal.Conflict} when its status does not allow the command.
     */
    public Future<JsonObject> apply(UUID id, Command command, String reason) {
        Instant now = clock.instant();
        String why = reason == null ? "requested by the collection engine" : reason;
        return Transactions.run(pool, conn -> Locks.queueOf(conn, id)
                .compose(v -> Enrollments.transition(conn, id, command.to, why, command.from, now))
                .compose(caseId -> {
                    if (caseId.isEmpty()) {
                        return Enrollments.find(conn, id).compose(found -> Future.failedFuture(found.isEmpty()
                                ? new Refusal.NotFound("enrollment " + id)
                                : new Refusal.Conflict("enrollment " + id + " is " + found.get().getString("status")
                                + "; it cannot be " + past(command))));
                    }
                    return Timeline.append(conn, new TimelineEntry(caseId.get(), id, now, command.noted,
                            new JsonObject().put("reason", why))).compose(v -> Enrollments.find(conn, id));
                }))
                .map(found -> found.orElseThrow(() -> new Refusal.NotFound("enrollment " + id)));
    }

    private static String past(Command command) {
        return switch (command) {
            case CANCEL -> "cancelled";
            case PAUSE -> "paused";
            case RESUME -> "resumed";
        };
    }
}
