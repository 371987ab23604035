package io.parley.api;

import io.parley.domain.Channel;
import io.parley.http.ApiProblem;
import io.parley.http.ApiResponse;
import io.parley.store.CaseHolds;
import io.parley.store.Suppressions;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.parley.api.JsonFields.OPTIONAL;
import static io.parley.api.JsonFields.REQUIRED;

/**
 * What stands between Parley and a debtor, and lifting it with a reason: a case's holds (dispute, attorney,
 * bankruptcy, cease request) and the address suppression list (opt-outs, cease requests and wrong numbers recorded
 * against a channel and address). Every lift is written to the timeline of the cases concerned, with the reason and
 * the API key that lifted it. A cease request's hold is not lifted here: the debtor's written cease stands until
 * they withdraw it.
 */
public final class StandingRoutes {
    private static final Set<String> LIFT_HOLD_KEYS = Set.of("reason");
    private static final Set<String> LIFT_SUPPRESSION_KEYS = Set.of("channel", "address", "reasons", "reason");
    private static final int MAX_LIST = 500;

    private final Pool pool;
    private final Clock clock;

    public StandingRoutes(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get("/v1/cases/:caseId/holds").handler(ctx -> CaseHolds.details(pool, ctx.pathParam("caseId"))
                .onSuccess(holds -> new ApiResponse(200, new JsonObject().put("caseId", ctx.pathParam("caseId"))
                        .put("holds", new JsonArray(holds))).send(ctx))
                .onFailure(ctx::fail));
        router.post("/v1/cases/:caseId/holds/:kind/lift").handler(this::liftHold);
        router.get("/v1/suppressions").handler(this::suppressions);
        router.post("/v1/suppressions/lift").handler(this::liftSuppression);
    }

    private void liftHold(RoutingContext ctx) {
        String caseId = ctx.pathParam("caseId");
        String kind = ctx.pathParam("kind");
        Violations violations = new Violations();
        JsonFields body = JsonFields.root(JsonBody.of(ctx), violations);
        body.rejectUnknown(LIFT_HOLD_KEYS);
        String reason = body.text("reason", REQUIRED, 500);
        violations.throwIfAny();
        if ("cease_request".equals(kind)) {
            ctx.fail(ApiProblem.conflict("a cease request stands until the debtor withdraws it; it is not lifted here"));
            return;
        }
        String by = ApiKeys.principal(ctx).name();
        Instant now = clock.instant();
        Transactions.run(pool, conn -> CaseHolds.lift(conn, caseId, kind, now).compose(lifted -> {
            if (lifted.isEmpty()) {
                return Future.failedFuture(ApiProblem.notFound("hold " + kind + " on case " + caseId));
            }
            JsonObject data = lifted.get().put("reason", reason).put("by", by);
            return Timeline.append(conn, new TimelineEntry(caseId, null, now, TimelineKinds.HOLD_LIFTED,
                    data)).map(data);
        })).onSuccess(data -> new ApiResponse(200, data.copy().put("caseId", caseId)).send(ctx)).onFailure(ctx::fail);
    }

    private void suppressions(RoutingContext ctx) {
        Violations violations = new Violations();
        JsonObject query = new JsonObject();
        ctx.queryParams().forEach(e -> query.put(e.getKey(), e.getValue()));
        JsonFields params = JsonFields.root(query, violations);
        params.rejectUnknown(Set.of("channel", "address", "lifted", "limit"));
        Channel channel = ContactPointFields.channel(params, OPTIONAL);
        String raw = params.string("address", OPTIONAL);
        String address = raw == null || channel == null ? raw : ContactPointFields.address(params, channel, raw);
        String lifted = params.string("lifted", OPTIONAL);
        if (lifted != null && !lifted.equals("true") && !lifted.equals("false")) {
            params.invalid("lifted", "must be true or false");
        }
        int limit = Limits.of(params, 100, MAX_LIST);
        violations.throwIfAny();
        Suppressions.list(pool, channel, address, "true".equals(lifted), limit)
                .onSuccess(list -> new ApiResponse(200, new JsonObject().put("suppressions", new JsonArray(list)))
                        .send(ctx))
                .onFailure(ctx::fail);
    }

    private void liftSuppression(RoutingContext ctx) {
        Violations violations = new Violations();
        JsonFields body = JsonFields.root(JsonBody.of(ctx), violations);
        body.rejectUnknown(LIFT_SUPPRESSION_KEYS);
        Channel channel = ContactPointFields.channel(body);
        String raw = body.string("address", REQUIRED);
        String address = raw == null || channel == null ? null : ContactPointFields.address(body, channel, raw);
        String reason = body.text("reason", REQUIRED, 500);
        List<Suppressions.Reason> reasons = reasons(body);
        violations.throwIfAny();
        String by = ApiKeys.principal(ctx).name();
        Transactions.run(pool, conn -> {
            Instant now = clock.instant();
            return Suppressions.lift(conn, channel, address, reasons, reason, "api " + by, now).compose(lifted -> {
                if (lifted.isEmpty()) {
                    return Future.failedFuture(ApiProblem.notFound("a standing suppression of " + channel.wire() + " "
                            + address));
                }
                JsonObject data = new JsonObject().put("channel", channel.wire()).put("address", address)
                        .put("lifted", new JsonArray(lifted)).put("reason", reason).put("by", by);
                return Suppressions.debtors(conn, channel, address).compose(debtors -> casesOf(conn, debtors))
                        .compose(cases -> Timeline.append(conn, cases.stream().map(caseId -> new TimelineEntry(caseId,
                                null, now, TimelineKinds.SUPPRESSION_LIFTED, data.copy())).toList()))
                        .map(data);
            });
        }).onSuccess(data -> new ApiResponse(200, data).send(ctx)).onFailure(ctx::fail);
    }

    private static Future<List<String>> casesOf(io.vertx.sqlclient.SqlConnection conn, List<String> debtors) {
        Future<List<String>> all = Future.succeededFuture(List.of());
        for (String debtor : debtors) {
            all = all.compose(so -> io.parley.store.Debtors.cases(conn, debtor).map(cases -> {
                List<String> more = new java.util.ArrayList<>(so);
                more.addAll(cases);
                return more;
            }));
        }
        return all;
    }

    private static List<Suppressions.Reason> reasons(JsonFields body) {
        Object value = body.value("reasons");
        if (value == null) {
            return Arrays.asList(Suppressions.Reason.values());
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            body.malformed("reasons", "must be a non-empty list of opt_out, cease, wrong_number");
            return List.of();
        }
        List<Suppressions.Reason> out = new java.util.ArrayList<>();
        for (Object item : array) {
            try {
                out.add(Suppressions.Reason.valueOf(String.valueOf(item).toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                body.invalid("reasons", "'" + item + "' is not one of opt_out, cease, wrong_number");
            }
        }
        return out;
    }
}
