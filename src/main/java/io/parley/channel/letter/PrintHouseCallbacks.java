package io.parley.channel.letter;

import io.parley.channel.AttemptChange;
import io.parley.channel.ChannelServices;
import io.parley.channel.ChannelServices.ContactPointStanding;
import io.parley.channel.letter.store.LetterRows;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The print house's signed callbacks ({@value #PATH}): {@code printed}, {@code mailed} (tracking reference),
 * {@code delivered}, {@code returned} (reason). Each event counts once and moves its letter forward only; each lands
 * on the case timeline as {@code letter.<type>}; mailed, delivered and returned move the attempt (sent, delivered,
 * undelivered with the outcome {@code not_reached}), and a returned letter makes the postal address invalid.
 */
final class PrintHouseCallbacks implements Handler<RoutingContext> {
    static final String PATH = "/webhooks/printhouse/events";
    private static final Map<String, Integer> RANKS = Map.of("printed", 3, "mailed", 4, "delivered", 5,
            "returned", 5);

    private final Pool pool;
    private final PrintHouseSignature signature;
    private final ChannelServices services;
    private final Clock clock;

    PrintHouseCallbacks(Pool pool, PrintHouseSignature signature, ChannelServices services, Clock clock) {
        this.pool = pool;
        this.signature = signature;
        this.services = services;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        if (!signature.verify(ctx.request().getHeader(PrintHouseSignature.HEADER), body, clock.instant())) {
            ctx.response().setStatusCode(403).end();
            return;
        }
        JsonObject event;
        UUID letter;
        try {
            event = new JsonObject(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            letter = UUID.fromString(event.getString("letterId", ""));
        } catch (DecodeException | IllegalArgumentException | ClassCastException e) {
            ctx.response().setStatusCode(400).end("letterId: not a letter id");
            return;
        }
        String type = event.getString("type", "");
        Integer rank = RANKS.get(type);
        String id = event.getString("id");
        if (rank == null || id == null || id.isBlank()) {
            ctx.response().setStatusCode(400).end("type: one of printed, mailed, delivered, returned; id: required");
            return;
        }
        Instant at = clock.instant();
        LetterRows.event(pool, id, letter, type, rank, event.getString("trackingRef"), event.getString("reason"), at)
                .compose(moved -> moved.isEmpty() ? Future.<Void>succeededFuture() : apply(event, moved.get(), type))
                .onSuccess(v -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private Future<Void> apply(JsonObject event, LetterRows.Moved moved, String type) {
        JsonObject data = new JsonObject().put("attemptId", moved.attemptId().toString())
                .put("batch", event.getString("batch")).put("trackingRef", moved.trackingRef())
                .put("reason", event.getString("reason")).put("reportedAt", event.getString("at"));
        Future<Void> noted = services.note(moved.attemptId(), "letter." + type, data);
        String ref = moved.trackingRef();
        return switch (type) {
            case "mailed" -> noted.compose(v -> record(AttemptChange.of(moved.attemptId(), AttemptStatus.SENT, ref)));
            case "delivered" -> noted.compose(v -> record(AttemptChange.of(moved.attemptId(),
                    AttemptStatus.DELIVERED, ref)));
            case "returned" -> noted
                    .compose(v -> services.contactPoint(Channel.LETTER, moved.contactAddress(),
                            ContactPointStanding.INVALID, "letter returned to sender: " + event.getString("reason")))
                    .compose(n -> record(AttemptChange.failed(moved.attemptId(), AttemptStatus.UNDELIVERED, ref,
                            "returned", event.getString("reason")).withOutcome(LetterModule.NOT_REACHED)));
            default -> noted;
        };
    }

    private Future<Void> record(AttemptChange change) {
        return services.record(List.of(change)).mapEmpty();
    }
}
