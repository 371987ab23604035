package io.parley.api;

import io.parley.http.ApiResponse;
import io.parley.http.ApiProblem;
import io.parley.domain.AddressFormat;
import io.parley.domain.Channel;
import io.parley.policy.ContactPreferences;
import io.parley.store.Debtors;
import io.parley.store.ContactPointStatus;
import io.parley.store.Suppressions;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.parley.api.JsonFields.OPTIONAL;
import static io.parley.api.JsonFields.REQUIRED;

/**
 * What the collection engine tells about a debtor: their contact preferences (cease, refused channels,
 * inconvenient times) and opt-outs and opt-ins of a contact point. Each change is written to the timeline of every
 * case of the debtor.
 */
public final class DebtorRoutes {
    private static final Set<String> POINT_KEYS = Set.of("channel", "address", "reason");

    private final Pool pool;
    private final Clock clock;

    public DebtorRoutes(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** A contact point of a debtor to opt out or in, and why. */
    private record PointChange(String debtorId, Channel channel, String address, String reason) {
    }

    public void mount(ApiRouter api) {
        api.operation("getDebtor", ctx -> ctx.pathParam("debtorId"), (ctx, debtorId) -> Debtors.find(pool, debtorId)
                .compose(found -> known(found, debtorId))
                .onSuccess(debtor -> new ApiResponse(200, debtor).send(ctx))
                .onFailure(ctx::fail));
        api.operation("putDebtorPreferences", DebtorRoutes::readPreferences,
                (ctx, preferences) -> preferences(ctx, ctx.pathParam("debtorId"), preferences));
        api.operation("optOutContactPoint", DebtorRoutes::readPointChange, (ctx, change) -> pointStatus(ctx, change,
                ContactPointStatus.OPTED_OUT, List.of(ContactPointStatus.VALID), TimelineKinds.CONTACT_OPTED_OUT));
        api.operation("optInContactPoint", DebtorRoutes::readPointChange, (ctx, change) -> pointStatus(ctx, change,
                ContactPointStatus.VALID, List.of(ContactPointStatus.OPTED_OUT), TimelineKinds.CONTACT_OPTED_IN));
    }

    private static ContactPreferences readPreferences(RoutingContext ctx) {
        Violations violations = new Violations();
        ContactPreferences preferences = PreferencesReader.read(JsonFields.root(JsonBody.of(ctx), violations));
        violations.throwIfAny();
        return preferences;
    }

    private void preferences(RoutingContext ctx, String debtorId, ContactPreferences preferences) {
        Transactions.run(pool, conn -> {
            Instant now = clock.instant();
            return Debtors.setPreferences(conn, debtorId, preferences, now).compose(found -> {
                if (!found) {
                    return Future.failedFuture(ApiProblem.notFound("debtor " + debtorId));
                }
                return note(conn, debtorId, TimelineKinds.DEBTOR_PREFERENCES, new JsonObject()
                        .put("preferences", io.parley.store.Rows.preferences(preferences)), now);
            });
        }).compose(v -> Debtors.find(pool, debtorId))
                .compose(found -> known(found, debtorId))
                .onSuccess(debtor -> new ApiResponse(200, debtor).send(ctx))
                .onFailure(ctx::fail);
    }

    /** The debtor found, or a 404 problem naming the id (an unknown debtor is an answer, never a dropped request). */
    private static <T> Future<T> known(java.util.Optional<T> found, String debtorId) {
        return found.map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(ApiProblem.notFound("debtor " + debtorId)));
    }

    private static PointChange readPointChange(RoutingContext ctx) {
        Violations violations = new Violations();
        JsonFields body = JsonFields.root(JsonBody.of(ctx), violations);
        body.rejectUnknown(POINT_KEYS);
        Channel channel = ContactPointFields.channel(body);
        String raw = body.string("address", REQUIRED);
        String reason = body.text("reason", OPTIONAL, 500);
        String address = raw == null || channel == null ? null : ContactPointFields.address(body, channel, raw);
        violations.throwIfAny();
        return new PointChange(ctx.pathParam("debtorId"), channel, address,
                reason == null ? "requested by the collection engine" : reason);
    }

    private void pointStatus(RoutingContext ctx, PointChange asked, ContactPointStatus to,
                             List<ContactPointStatus> from, String kind) {
        if (asked.channel().format() == AddressFormat.EMAIL) {
            // an email address is matched without regard to case, then acted on as it is stored
            Debtors.storedCaseless(pool, asked.debtorId(), asked.channel(), asked.address())
                    .onSuccess(stored -> changeStatus(ctx, new PointChange(asked.debtorId(), asked.channel(), stored,
                            asked.reason()), to, from, kind))
                    .onFailure(ctx::fail);
            return;
        }
        changeStatus(ctx, asked, to, from, kind);
    }

    private void changeStatus(RoutingContext ctx, PointChange change, ContactPointStatus to,
                              List<ContactPointStatus> from, String kind) {
        String debtorId = change.debtorId();
        Channel channel = change.channel();
        String address = change.address();
        String why = change.reason();
        String by = ApiKeys.principal(ctx).name();
        Transactions.run(pool, conn -> {
            Instant now = clock.instant();
            return Debtors.setStatus(conn, debtorId, channel, address, from, to, why, now).compose(changed -> {
                if (changed.isEmpty()) {
                    return Future.failedFuture(ApiProblem.notFound("contact point " + channel.wire() + " " + address
                            + " of debtor " + debtorId));
                }
                return suppression(conn, channel, address, to, why, by, now).map(listed -> changed.get() || listed);
            }).compose(changed -> {
                if (!changed) {
                    return Future.succeededFuture(false);
                }
                return note(conn, debtorId, kind, new JsonObject().put("channel", channel.wire())
                        .put("address", address).put("reason", why), now).map(true);
            });
        }).onSuccess(changed -> new ApiResponse(200, new JsonObject().put("debtorId", debtorId)
                        .put("channel", channel.wire()).put("address", address).put("changed", changed)).send(ctx))
                .onFailure(ctx::fail);
    }

    /** An opt-out puts the address on the suppression list (for every debtor who has it); an opt-in lifts it. */
    private static Future<Boolean> suppression(SqlConnection conn, Channel channel, String address,
                                               ContactPointStatus to, String why, String by, Instant now) {
        if (to == ContactPointStatus.OPTED_OUT) {
            return Suppressions.add(conn, new Suppressions.New(channel, address, Suppressions.Reason.OPT_OUT, "api",
                    by, why), now);
        }
        return Suppressions.lift(conn, channel, address, List.of(Suppressions.Reason.OPT_OUT), why, "api " + by, now)
                .map(lifted -> !lifted.isEmpty());
    }

    private static Future<Void> note(SqlConnection conn, String debtorId, String kind, JsonObject data, Instant now) {
        return Debtors.cases(conn, debtorId).compose(cases -> Timeline.append(conn, cases.stream()
                .map(caseId -> new TimelineEntry(caseId, null, now, kind, data.copy().put("debtorId", debtorId)))
                .toList()));
    }
}
