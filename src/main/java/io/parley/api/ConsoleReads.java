package io.parley.api;

import io.parley.domain.Channel;
import io.parley.domain.ContactPoint;
import io.parley.http.ApiProblem;
import io.parley.http.ApiResponse;
import io.parley.http.AddressMasking;
import io.parley.policy.CapStanding;
import io.parley.policy.PackSelector;
import io.parley.policy.RulePack;
import io.parley.store.CaseDebtor;
import io.parley.store.Debtors;
import io.parley.store.Ledger;
import io.parley.store.RecentCases;
import io.parley.http.FieldError;
import io.parley.store.LedgerCounting;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What the console reads besides the collection engine's operations: who the caller's key is, the cases changed
 * most recently, and a case's contact
 * points with their state and, per cap of the rule packs in force, how many contacts the cap counts in its window
 * now and how many more it allows. Addresses are masked for keys whose role may not see them.
 */
public final class ConsoleReads {
    private final Pool pool;
    private final PackSelector packs;
    private final LedgerCounting counting;
    private final Clock clock;

    public ConsoleReads(Pool pool, PackSelector packs, LedgerCounting counting, Clock clock) {
        this.pool = pool;
        this.packs = packs;
        this.counting = counting;
        this.clock = clock;
    }

    public void mount(ApiRouter api) {
        api.operation("getCaller", ApiKeys::principal, (ctx, principal) -> new ApiResponse(200, new JsonObject()
                .put("name", principal.name()).put("role", principal.role()).put("canWrite", principal.canWrite())
                .put("seesAddresses", principal.seesAddresses())).send(ctx));
        api.operation("getCaseContactPoints", ctx -> ctx.pathParam("caseId"), this::contactPoints);
        api.operation("listRecentCases", ConsoleReads::limit, (ctx, limit) -> RecentCases.list(pool, limit)
                .onSuccess(cases -> new ApiResponse(200, new JsonObject().put("cases", cases)).send(ctx))
                .onFailure(ctx::fail));
    }

    private static int limit(RoutingContext ctx) {
        String raw = ctx.queryParams().get("limit");
        if (raw == null || raw.isEmpty()) {
            return 20;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= 200) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiProblem.validation(List.of(new FieldError("limit", "must be a whole number from 1 to 200")));
    }

    private void contactPoints(RoutingContext ctx, String caseId) {
        boolean masked = AddressMasking.applies(ctx);
        Instant now = clock.instant();
        CaseDebtor.find(pool, caseId).compose(found -> {
            CaseDebtor cd = found.orElseThrow(() -> ApiProblem.notFound("case " + caseId));
            String debtorId = cd.debtor().id();
            List<RulePack> inForce = packs.select(cd.debtor(), cd.policyPacks());
            return Future.all(Debtors.find(pool, debtorId), Ledger.read(pool, List.of(debtorId), now, counting))
                    .map(both -> {
                        JsonObject stored = both.<java.util.Optional<JsonObject>>resultAt(0).orElseThrow();
                        Ledger.DebtorRecord record = both.<java.util.Map<String, Ledger.DebtorRecord>>resultAt(1)
                                .get(debtorId);
                        JsonArray points = new JsonArray();
                        for (Object o : stored.getJsonArray("contactPoints")) {
                            points.add(point(cd, (JsonObject) o, inForce, record, now, masked));
                        }
                        return new JsonObject().put("caseId", caseId).put("debtorId", debtorId)
                                .put("at", now.toString()).put("addressesMasked", masked)
                                .put("packs", new JsonArray(inForce.stream().map(RulePack::id).toList()))
                                .put("contactPoints", points);
                    });
        }).onSuccess(body -> new ApiResponse(200, body).send(ctx)).onFailure(ctx::fail);
    }

    private static JsonObject point(CaseDebtor cd, JsonObject stored, List<RulePack> inForce,
                                    Ledger.DebtorRecord record, Instant now, boolean masked) {
        Channel channel = Channel.parse(stored.getString("channel"));
        String address = stored.getString("address");
        JsonArray caps = new JsonArray();
        cd.debtor().contactPoints().stream()
                .filter(p -> p.channel().equals(channel) && p.address().equals(address)).findFirst()
                .ifPresent((ContactPoint p) -> CapStanding.of(inForce, cd.caseId(), cd.debtor(), p, record.history(),
                        now).forEach(s -> caps.add(new JsonObject().put("rule", s.rule()).put("max", s.max())
                        .put("window", s.window().toString()).put("scope", s.scope().wire()).put("used", s.used())
                        .put("remaining", s.remaining()))));
        JsonObject out = stored.copy().put("caps", caps);
        if (masked) {
            out.getJsonArray("suppressions").forEach(s -> ((JsonObject) s).remove("detail"));
        }
        return out; // the address is masked with the rest of the answer (ApiResponse)
    }
}
