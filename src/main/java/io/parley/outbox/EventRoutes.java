package io.parley.outbox;

import io.parley.http.AddressMasking;
import io.parley.http.ApiProblem;
import io.parley.http.ApiResponse;
import io.parley.http.FieldError;
import io.parley.store.CaseEventFeed;
import io.parley.store.FeedCursor;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.util.List;

/**
 * The case event feed for the collection engine, behind the /v1 API keys (read keys allowed):
 * <ul>
 *   <li>{@code GET /v1/events?after=&limit=}: {"events": [payload...], "next": cursor}, in commit order across all
 *   cases; "next" is the cursor to ask from next, the same one when nothing is new, so a client can poll with it.</li>
 *   <li>{@code GET /v1/events/stream?after=}: the same events as server-sent events (id: cursor, event: type,
 *   data: payload) as they commit, resuming from Last-Event-ID on reconnect, with a comment every 15 s.</li>
 * </ul>
 * Without after (and Last-Event-ID) both start at the oldest event.
 */
final class EventRoutes {
    static final String PATH = "/v1/events";
    static final String STREAM_PATH = "/v1/events/stream";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final Pool pool;

    EventRoutes(Pool pool) {
        this.pool = pool;
    }

    void mount(Router router) {
        router.get(PATH).handler(this::page);
        router.get(STREAM_PATH).handler(this::stream);
    }

    private void page(RoutingContext ctx) {
        FeedCursor after = cursor("after", ctx.queryParams().get("after"));
        int limit = limit(ctx.queryParams().get("limit"));
        CaseEventFeed.after(pool, after, limit).onSuccess(page -> {
            JsonArray events = new JsonArray();
            page.events().forEach(e -> events.add(e.payload()));
            new ApiResponse(200, new JsonObject().put("events", events).put("next", page.next().toString()))
                    .send(ctx);
        }).onFailure(ctx::fail);
    }

    private void stream(RoutingContext ctx) {
        // a reconnecting client resends the URL it first used: Last-Event-ID, when present, is where it got to
        String lastEventId = ctx.request().getHeader("Last-Event-ID");
        FeedCursor from = lastEventId != null && !lastEventId.isBlank()
                ? cursor("Last-Event-ID", lastEventId.trim())
                : cursor("after", ctx.queryParams().get("after"));
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        // each open stream is a verticle of its own, undeployed when its client goes away
        ctx.vertx().deployVerticle(new EventStream(pool, response, from, AddressMasking.applies(ctx))).onFailure(ctx::fail);
    }

    static FeedCursor cursor(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return FeedCursor.START;
        }
        try {
            return FeedCursor.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.malformed(List.of(new FieldError(name, e.getMessage())));
        }
    }

    static int limit(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiProblem.malformed(List.of(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT)));
    }
}
