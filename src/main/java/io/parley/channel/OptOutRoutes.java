package io.parley.channel;

import io.parley.observability.Metrics;
import io.parley.store.Debtors;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.TimelineKinds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The opt-out link in every email: GET shows a confirmation form, POST (also RFC 8058 one-click from the mail
 * client) opts that contact point out at once. Opting out twice changes nothing.
 */
public final class OptOutRoutes {
    private static final String VIA = "opt-out link";
    private static final String PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title></head>"
            + "<body><main><h1>%s</h1><p>%s</p>%s</main></body></html>";

    private final Pool pool;
    private final OptOutLinks links;
    private final Metrics metrics;
    private final Clock clock;

    public OptOutRoutes(Pool pool, OptOutLinks links, Metrics metrics, Clock clock) {
        this.pool = pool;
        this.links = links;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void mount(Router router) {
        router.get(OptOutLinks.PATH + ":token").handler(ctx -> {
            if (contactPoint(ctx).isEmpty()) {
                return;
            }
            html(ctx, 200, "Unsubscribe", "Stop these emails?",
                    "Confirm and we will not email this address about this account again.",
                    "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>");
        });
        router.post(OptOutLinks.PATH + ":token").handler(ctx -> {
            OptionalLong id = contactPoint(ctx);
            if (id.isEmpty()) {
                return;
            }
            optOut(id.getAsLong()).onSuccess(v -> html(ctx, 200, "Unsubscribed", "You are unsubscribed.",
                    "You will no longer receive these emails.", "")).onFailure(ctx::fail);
        });
    }

    private OptionalLong contactPoint(RoutingContext ctx) {
        OptionalLong id = links.verify(ctx.pathParam("token"));
        if (id.isEmpty()) {
            html(ctx, 404, "Link not valid", "This link is not valid.", "Please use the link from your email.", "");
        }
        return id;
    }

    /** Opts the contact point out; once committed, a change is counted by the channel of the point. */
    private Future<Void> optOut(long contactPointId) {
        Instant now = clock.instant();
        return pool.withTransaction(conn -> Debtors.optOut(conn, contactPointId, VIA, now).compose(optedOut -> {
            if (optedOut.isEmpty() || optedOut.get().latestCaseId() == null) {
                return Future.succeededFuture(optedOut);
            }
            return Timeline.append(conn, new TimelineEntry(optedOut.get().latestCaseId(), null, now,
                    TimelineKinds.CONTACT_OPTED_OUT, new JsonObject().put("contactPointId", contactPointId)
                    .put("channel", optedOut.get().channel().wire()).put("via", VIA))).map(optedOut);
        })).map(optedOut -> {
            optedOut.ifPresent(o -> metrics.optOut(o.channel().wire()));
            return null;
        });
    }

    private static void html(RoutingContext ctx, int status, String title, String heading, String text, String form) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .end(String.format(PAGE, title, heading, text, form));
    }
}
