package io.parley.api;

import io.parley.http.FieldError;
import io.parley.http.ApiResponse;
import io.parley.http.ApiProblem;
import io.parley.enrollment.CaseEvents;
import io.parley.enrollment.EnrollmentControl;
import io.parley.enrollment.Enroller;
import io.parley.store.CanonicalJson;
import io.parley.store.Timeline;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
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

    public void mount(Router router) {
        router.post("/v1/enrollments").handler(this::enroll);
        router.get("/v1/enrollments/:id").handler(ctx -> control.get(enrollmentId(ctx))
                .onSuccess(body -> new ApiResponse(200, body).send(ctx)).onFailure(ctx::fail));
        router.post("/v1/enrollments/:id/cancel").handler(ctx -> command(ctx, EnrollmentControl.Command.CANCEL));
        router.post("/v1/enrollments/:id/pause").handler(ctx -> command(ctx, EnrollmentControl.Command.PAUSE));
        router.post("/v1/enrollments/:id/resume").handler(ctx -> command(ctx, EnrollmentControl.Command.RESUME));
        router.post("/v1/cases/:caseId/events").handler(ctx -> {
            CaseEventRequest event = CaseEventRequest.parse(JsonBody.of(ctx), clock);
            events.apply(ctx.pathParam("caseId"), event)
                    .onSuccess(body -> new ApiResponse(202, body).send(ctx)).onFailure(ctx::fail);
        });
        router.get("/v1/cases/:caseId/timeline").handler(this::timeline);
    }

    private void enroll(RoutingContext ctx) {
        JsonObject body = JsonBody.of(ctx);
        String key = ctx.request().getHeader("Idempotency-Key");
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ApiProblem.malformed(List.of(new FieldError("Idempotency-Key",
                    "must be 1-255 visible ASCII characters")));
        }
        EnrollmentRequest request = EnrollmentRequest.parse(body);
        enroller.enroll(request, ApiKeys.principal(ctx).name(), key, CanonicalJson.sha256(body))
                .onSuccess(response -> {
                    ctx.response().putHeader("Location", "/v1/enrollments/" + response.body().getString("id"));
                    response.send(ctx);
                })
                .onFailure(ctx::fail);
    }

    private void command(RoutingContext ctx, EnrollmentControl.Command command) {
        UUID id = enrollmentId(ctx);
        String reason = null;
        if (ctx.body() != null && ctx.body().length() > 0) {
            Object value = JsonBody.of(ctx).getValue("reason");
            if (value != null && !(value instanceof String)) {
                throw ApiProblem.validation(List.of(new FieldError("reason", "must be a string")));
            }
            reason = (String) value;
        }
        control.apply(id, command, reason).onSuccess(body -> new ApiResponse(200, body).send(ctx)).onFailure(ctx::fail);
    }

    private void timeline(RoutingContext ctx) {
        long after = longParam(ctx, "after", 0, 0, Long.MAX_VALUE);
        int limit = (int) longParam(ctx, "limit", 100, 1, MAX_PAGE);
        Timeline.page(pool, ctx.pathParam("caseId"), after, limit)
                .onSuccess(page -> new ApiResponse(200, page.put("caseId", ctx.pathParam("caseId"))).send(ctx))
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

    private static UUID enrollmentId(RoutingContext ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("enrollment " + ctx.pathParam("id"));
        }
    }
}
