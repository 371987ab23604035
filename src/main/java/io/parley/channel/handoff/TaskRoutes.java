package io.parley.channel.handoff;

import io.parley.domain.AttemptOutcome;
import io.parley.http.ApiResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tasks API (behind the same API keys as the rest of /v1, checked against the description first):
 * {@code GET /v1/tasks?caseId=&kind=&state=&after=&limit=} and {@code POST /v1/tasks/{id}/outcome}.
 */
final class TaskRoutes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final List<String> KINDS = List.of("visit", "agency", "legal");
    private static final List<String> STATES = List.of("open", "done", "expired", "cancelled", "recalled");

    private final TaskDesk desk;

    TaskRoutes(TaskDesk desk) {
        this.desk = desk;
    }

    void mount(Router router) {
        router.get("/v1/tasks").handler(this::list);
        router.post("/v1/tasks/:id/outcome").handler(this::outcome);
    }

    private void list(RoutingContext ctx) {
        String kind = oneOf(ctx, "kind", KINDS);
        String state = oneOf(ctx, "state", STATES);
        String limitText = ctx.queryParams().get("limit");
        int limit;
        Optional<TaskViews.Cursor> after;
        try {
            limit = limitText == null ? DEFAULT_LIMIT : Integer.parseInt(limitText);
            after = TaskViews.Cursor.decode(ctx.queryParams().get("after"));
        } catch (IllegalArgumentException e) {
            throw new HttpException(400, e instanceof NumberFormatException ? "limit: a whole number" : e.getMessage());
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new HttpException(400, "limit: from 1 to " + MAX_LIMIT);
        }
        desk.page(blankToNull(ctx.queryParams().get("caseId")), kind, state, after, limit)
                .onSuccess(page -> new ApiResponse(200, page).send(ctx))
                .onFailure(ctx::fail);
    }

    private void outcome(RoutingContext ctx) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new HttpException(404, "no task " + ctx.pathParam("id"));
        }
        TaskOutcome outcome = read(ctx.body().asJsonObject());
        desk.record(id, outcome)
                .onSuccess(task -> new ApiResponse(200, task).send(ctx))
                .onFailure(e -> ctx.fail(e instanceof TaskRefusal r ? new HttpException(r.status(), r.getMessage()) : e));
    }

    /** The outcome body; a bad field is a 400 naming it. */
    static TaskOutcome read(JsonObject body) {
        if (body == null) {
            throw new HttpException(400, "body: a JSON object is required");
        }
        String wire = body.getValue("outcome") instanceof String s ? s : null;
        AttemptOutcome outcome = TaskOutcome.REPORTED.stream().filter(o -> o.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new HttpException(400, "outcome: one of " + String.join(", ",
                        TaskOutcome.REPORTED.stream().map(AttemptOutcome::wire).toList())));
        Instant at = field(body, "at", Instant::parse, "an instant (ISO-8601, e.g. 2026-12-04T15:30:00Z)", true);
        BigDecimal amount = field(body, "amount", BigDecimal::new, "a decimal amount", outcome == TaskOutcome.PROMISED);
        LocalDate date = field(body, "date", LocalDate::parse, "a date (YYYY-MM-DD)", outcome == TaskOutcome.PROMISED);
        if (amount != null && amount.signum() <= 0) {
            throw new HttpException(400, "amount: must be positive");
        }
        Object notes = body.getValue("notes");
        if (notes != null && !(notes instanceof String)) {
            throw new HttpException(400, "notes: must be a string");
        }
        return new TaskOutcome(outcome, at, (String) notes, amount, date);
    }

    private static <T> T field(JsonObject body, String name, java.util.function.Function<String, T> parse,
                               String expected, boolean required) {
        Object value = body.getValue(name);
        if (value == null) {
            if (required) {
                throw new HttpException(400, name + ": is required, " + expected);
            }
            return null;
        }
        try {
            return parse.apply(String.valueOf(value));
        } catch (RuntimeException e) {
            throw new HttpException(400, name + ": must be " + expected);
        }
    }

    private static String oneOf(RoutingContext ctx, String name, List<String> allowed) {
        String value = blankToNull(ctx.queryParams().get(name));
        if (value != null && !allowed.contains(value)) {
            throw new HttpException(400, name + ": one of " + String.join(", ", allowed));
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
