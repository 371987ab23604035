package io.parley.api;

import io.parley.http.ApiProblem;
import io.parley.http.ApiResponse;
import io.parley.http.FieldError;
import io.parley.store.AnalyticsPending;
import io.parley.store.SequenceAnalytics;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence's results for strategists: per version (and experiment variant) and step, the funnel, and the variants
 * compared; as JSON, or as CSV of the per-step numbers (Accept: text/csv, or the export operation).
 */
public final class AnalyticsRoutes {
    /** Without a period: every enrollment ever. */
    static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant END = Instant.parse("9999-01-01T00:00:00Z");
    /** The most marked enrollments (and cases) a report recomputes before it sums. */
    static final int CATCH_UP = 20_000;

    private final Pool pool;

    public AnalyticsRoutes(Pool pool) {
        this.pool = pool;
    }

    /** What is asked: the sequence, optionally one version, and the period enrollments were created in. */
    record Query(String name, Integer version, Instant from, Instant to) {
    }

    public void mount(ApiRouter api) {
        api.operation("getSequenceAnalytics", AnalyticsRoutes::query, (ctx, q) -> answer(ctx, q,
                accepts(ctx.request().getHeader("Accept"))));
        api.operation("exportSequenceAnalytics", AnalyticsRoutes::query, (ctx, q) -> answer(ctx, q, true));
    }

    /** Whether the caller asked for CSV (text/csv named before or without application/json). */
    static boolean accepts(String accept) {
        if (accept == null) {
            return false;
        }
        int csv = accept.indexOf("text/csv");
        int json = accept.indexOf("application/json");
        return csv >= 0 && (json < 0 || csv < json);
    }

    static Query query(RoutingContext ctx) {
        List<FieldError> errors = new ArrayList<>();
        Integer version = null;
        String rawVersion = ctx.queryParams().get("version");
        if (rawVersion != null && !rawVersion.isEmpty()) {
            try {
                version = Integer.parseInt(rawVersion);
                if (version < 1) {
                    errors.add(new FieldError("version", "must be a version number (1 or more)"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("version", "must be a version number (1 or more), not '" + rawVersion + "'"));
            }
        }
        Instant from = instant(ctx.queryParams().get("from"), "from", BEGINNING, errors);
        Instant to = instant(ctx.queryParams().get("to"), "to", END, errors);
        if (errors.isEmpty() && !from.isBefore(to)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new Query(ctx.pathParam("name"), version, from, to);
    }

    private static Instant instant(String raw, String field, Instant fallback, List<FieldError> errors) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date-time with an offset (e.g. 2026-03-01T00:00:00Z), not '"
                    + raw + "'"));
            return fallback;
        }
    }

    private void answer(RoutingContext ctx, Query q, boolean csv) {
        SequenceAnalytics.versions(pool, q.name()).compose(versions -> {
            if (versions.isEmpty()) {
                throw ApiProblem.notFound("sequence " + q.name());
            }
            if (q.version() != null && !versions.contains(q.version())) {
                throw ApiProblem.notFound("sequence " + q.name() + " version " + q.version());
            }
            // the rows the refresher has not recomputed yet first (waiting for a refresh under way), so the
            // report counts every write committed before it was asked for
            return AnalyticsPending.refresh(pool, CATCH_UP, true)
                    .compose(taken -> SequenceAnalytics.compute(pool, q.name(), q.version(), q.from(), q.to()));
        }).map(arms -> csv ? AnalyticsReport.csv(arms) : AnalyticsReport.json(q.name(), q.version(),
                q.from().equals(BEGINNING) ? null : q.from(), q.to().equals(END) ? null : q.to(), arms)
        ).onSuccess(report -> {
            if (report instanceof String text) {
                ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + q.name() + "-steps.csv\"")
                        .end(text);
            } else {
                new ApiResponse(200, (io.vertx.core.json.JsonObject) report).send(ctx);
            }
        }).onFailure(ctx::fail);
    }
}
