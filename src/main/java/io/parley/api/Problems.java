package io.parley.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.parley.enrollment.Refusal;
import io.parley.http.ApiProblem;
import io.parley.http.FieldError;
import io.parley.store.DatabaseUnavailable;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Writes every failure of a route as {@code application/problem+json}: an {@link ApiProblem} as it is, a refusal of
 * the enrollment logic as {@link #of(Refusal)} maps it, a body larger than the BodyHandler accepts as 413,
 * the router's own 404 and 405, other 4xx statuses by their reason phrase, and anything unexpected as a 500 that
 * names the request's id ({@link RequestIds}) and nothing else (the cause is logged under that id). Wire it as the router's failure handler and for the router's error statuses:
 * <pre>{@code
 * Handler<RoutingContext> problems = Problems.handler(maxBodyBytes);
 * router.route().failureHandler(problems);
 * router.errorHandler(404, problems).errorHandler(405, problems).errorHandler(500, problems);
 * }</pre>
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    /** How deep to look through wrapping exceptions (CompletionException, future failures) for an ApiProblem. */
    private static final int MAX_CAUSE_DEPTH = 8;

    private Problems() {
    }

    /** The failure handler when the body size limit is not known here (413 then does not state it). */
    public static void handle(RoutingContext ctx) {
        write(ctx, problemFor(ctx, 0));
    }

    /** A failure handler whose 413 states maxBodyBytes, the limit given to the BodyHandler. */
    public static Handler<RoutingContext> handler(long maxBodyBytes) {
        return ctx -> write(ctx, problemFor(ctx, maxBodyBytes));
    }

    static ApiProblem problemFor(RoutingContext ctx, long maxBodyBytes) {
        Throwable failure = ctx.failure();
        ApiProblem problem = find(failure);
        if (problem != null) {
            return problem;
        }
        if (DatabaseUnavailable.is(failure)) {
            LOG.warn("{} {} answered 503: the database is unavailable ({})", ctx.request().method(), route(ctx),
                    failure.toString());
            return ApiProblem.unavailable("the database cannot be reached for now; try again later");
        }
        if (failure instanceof DecodeException) {
            return ApiProblem.malformed("the request body is not valid JSON");
        }
        int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        if (failure != null && !(failure instanceof HttpException)) {
            status = 500;
        }
        if (status >= 400 && status < 500) {
            return forStatus(status, maxBodyBytes);
        }
        String incident = RequestIds.of(ctx);
        LOG.error("request {}: {} {} failed with status {}", incident, ctx.request().method(), route(ctx), status,
                failure);
        return ApiProblem.internal(incident);
    }

    /**
     * The problem that tells an API caller why the enrollment logic refused: 422 naming each member, 409, 404, or
     * 422 idempotency-mismatch.
     */
    public static ApiProblem of(Refusal refusal) {
        if (refusal instanceof Refusal.Invalid invalid) {
            return ApiProblem.validation(invalid.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList());
        }
        if (refusal instanceof Refusal.Conflict) {
            return ApiProblem.conflict(refusal.getMessage());
        }
        if (refusal instanceof Refusal.NotFound notFound) {
            return ApiProblem.notFound(notFound.what());
        }
        if (refusal instanceof Refusal.KeyReused) {
            return ApiProblem.idempotencyMismatch();
        }
        throw new IllegalArgumentException("no problem for " + refusal.getClass().getName());
    }

    /** The route's pattern ("/v1/cases/:caseId/events"), never the path itself: paths carry ids and tokens. */
    private static String route(RoutingContext ctx) {
        return ctx.currentRoute() == null || ctx.currentRoute().getPath() == null ? "(no route)"
                : ctx.currentRoute().getPath();
    }

    private static ApiProblem forStatus(int status, long maxBodyBytes) {
        return switch (status) {
            case 400 -> ApiProblem.malformed("the request could not be read");
            case 401 -> ApiProblem.unauthorized();
            case 403 -> ApiProblem.forbidden();
            case 404 -> ApiProblem.notFound("the requested resource");
            case 405 -> ApiProblem.methodNotAllowed();
            case 413 -> ApiProblem.payloadTooLarge(maxBodyBytes);
            case 415 -> ApiProblem.unsupportedMediaType();
            default -> {
                String phrase = HttpResponseStatus.valueOf(status).reasonPhrase();
                yield new ApiProblem(status, ApiProblem.ABOUT_BLANK, phrase, phrase, List.of());
            }
        };
    }

    private static ApiProblem find(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof ApiProblem problem) {
                return problem;
            }
            if (t instanceof Refusal refusal) {
                return of(refusal);
            }
        }
        return null;
    }

    static void write(RoutingContext ctx, ApiProblem problem) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            LOG.warn("{} {} failed after the response was started ({}); resetting the stream",
                    ctx.request().method(), route(ctx), problem.getMessage());
            response.reset();
            return;
        }
        if (problem.status() < 500) {
            LOG.debug("{} {} refused: {}", ctx.request().method(), route(ctx), problem.getMessage());
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        if (problem.status() == 503) {
            response.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        }
        response.end(problem.toJson().encode());
    }
}
