package io.parley.api;

import io.parley.enrollment.CaseEventOutcome;
import io.parley.enrollment.CaseEventRequest;
import io.parley.enrollment.CaseEvents;
import io.parley.enrollment.Enroller;
import io.parley.enrollment.EnrollmentControl;
import io.parley.enrollment.EnrollmentRequest;
import io.parley.enrollment.IdempotencyKey;
import io.parley.http.ApiProblem;
import io.parley.http.ApiResponse;
import io.parley.http.FieldError;
import io.parley.store.CanonicalJson;
import io.parley.store.Timeline;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The collection engine's API: enrollments, their control, case events and the case timeline. */
public final class EnrollmentRoutes {
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final int MAX_PAGE = 500;

    private final Pool pool;
    private final Enroller enroller;
    private final EnrollmentControl control;
    private final CaseEvents events;
    private final Clock clock;

    public EnrollmentRoutes(Pool pool, Enroller enroller, EnrollmentControl control, CaseEvents events, Clock clock) {
        this.pool = pool;
        this.enroller = enroller;
        this.control = control;
        this.events = events;
        this.clock = clock;
    }

    /** What an enrollment request is read into: the request, and the key (with the body's digest) if one was given. */
    private record Enrollment(EnrollmentRequest request, IdempotencyKey key) {
    }

    /** A control command for one enrollment, with the caller's reason or null. */
    private record Command(UUID id, String reason) {
    }

    /** A page of a case's timeline. */
    private record Page(String caseId, long after, int limit) {
    }

    public void mount(ApiRouter api) {
        api.operation("createEnrollment", this::readEnrollment, this::enroll);
        api.operation("getEnrollment", EnrollmentRoutes::enrollmentId, (ctx, id) -> control.get(id)
                .onSuccess(body -> new ApiResponse(200, body).send(ctx)).onFailure(ctx::fail));
        api.operation("cancelEnrollment", EnrollmentRoutes::readCommand,
                (ctx, command) -> command(ctx, command, EnrollmentControl.Command.CANCEL));
        api.operation("pauseEnrollment", EnrollmentRoutes::readCommand,
                (ctx, command) -> command(ctx, command, EnrollmentControl.Command.PAUSE));
        api.operation("resumeEnrollment", EnrollmentRoutes::readCommand,
                (ctx, command) -> command(ctx, command, EnrollmentControl.Command.RESUME));
        api.operation("reportCaseEvent", ctx -> CaseEventReader.parse(JsonBody.of(ctx), clock), (ctx, event) ->
                events.apply(ctx.pathParam("caseId"), event)
                        .onSuccess(outcome -> new ApiResponse(202, outcomeJson(outcome)).send(ctx))
                        .onFailure(ctx::fail));
        api.operation("getCaseTimeline", EnrollmentRoutes::readPage, this::timeline);
    }

    private Enrollment readEnrollment(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx);
        String key = ctx.request().getHeader("Idempotency-Key");
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ApiProblem.malformed(List.of(new FieldError("Idempotency-Key",
                    "must be 1-255 visible ASCII characters")));
        }
        EnrollmentRequest request = EnrollmentReader.parse(body);
        return new Enrollment(request, key == null ? null
                : new IdempotencyKey(ApiKeys.principal(ctx).name(), key, CanonicalJson.sha256(body)));
    }

    private void enroll(RoutingContext ctx, Enrollment enrollment) {
        enroller.enroll(enrollment.request(), enrollment.key())
                .onSuccess(enrolled -> {
                    ctx.response().putHeader("Location", "/v1/enrollments/" + enrolled.id());
                    new ApiResponse(201, enrolled.toJson()).send(ctx);
                })
                .onFailure(ctx::fail);
    }

    private static Command readCommand(RoutingContext ctx) {
        UUID id = enrollmentId(ctx);
        String reason = null;
        if (ctx.body() != null && ctx.body().length() > 0) {
            Object value = JsonBody.of(ctx).getValue("reason");
            if (value != null && !(value instanceof String)) {
                throw ApiProblem.validation(List.of(new FieldError("reason", "must be a string")));
            }
            reason = (String) value;
        }
        return new Command(id, reason);
    }

    private void command(RoutingContext ctx, Command read, EnrollmentControl.Command command) {
        control.apply(read.id(), command, read.reason())
                .onSuccess(body -> new ApiResponse(200, body).send(ctx)).onFailure(ctx::fail);
    }

    private static Page readPage(RoutingContext ctx) {
        return new Page(ctx.pathParam("caseId"), longParam(ctx, "after", 0, 0, Long.MAX_VALUE),
                (int) longParam(ctx, "limit", 100, 1, MAX_PAGE));
    }

    private void timeline(RoutingContext ctx, Page page) {
        Timeline.page(pool, page.caseId(), page.after(), page.limit())
                .onSuccess(entries -> new ApiResponse(200, entries.put("caseId", page.caseId())).send(ctx))
                .onFailure(ctx::fail);
    }

    private static long longParam(RoutingContext ctx, String name, long fallback, long min, long max) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiProblem.validation(List.of(new FieldError(name, "must be a whole number from " + min + " to " + max)));
    }

    /** {"stopped": [ids], "paused": [ids], "hold": true|false} */
    private static JsonObject outcomeJson(CaseEventOutcome outcome) {
        return new JsonObject()
                .put("stopped", new JsonArray(outcome.stopped().stream().map(UUID::toString).toList()))
                .put("paused", new JsonArray(outcome.paused().stream().map(UUID::toString).toList()))
                .put("hold", outcome.hold());
    }

    private static UUID enrollmentId(RoutingContext ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("enrollment " + ctx.pathParam("id"));
        }
    }
}
