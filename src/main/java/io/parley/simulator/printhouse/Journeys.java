package io.parley.simulator.printhouse;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A letter's way through the simulated print house and post, as signed callbacks one delay apart: printed, mailed
 * (with a tracking reference), then delivered or returned. A callback that is not accepted is tried again a few
 * times.
 */
final class Journeys {
    private static final int TRIES = 5;
    private static final String UNKNOWN_POSTCODE = "00000";

    private final Vertx vertx;
    private final WebClient http;
    private final SimulatorSignature signature;
    private final PrintHouseSimulator.Settings settings;
    private final AtomicInteger tracking = new AtomicInteger(100000);
    private final AtomicBoolean stopped = new AtomicBoolean();

    Journeys(Vertx vertx, WebClient http, SimulatorSignature signature, PrintHouseSimulator.Settings settings) {
        this.vertx = vertx;
        this.http = http;
        this.signature = signature;
        this.settings = settings;
    }

    void stop() {
        stopped.set(true);
    }

    void mail(String batch, Map<String, String> row) {
        String letter = row.get("letter_id");
        boolean unknown = row.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("address_line_") && e.getValue().contains(UNKNOWN_POSTCODE));
        String trackingRef = "SIMPOST" + tracking.incrementAndGet();
        List<JsonObject> events = List.of(
                event(batch, letter, "printed"),
                event(batch, letter, "mailed").put("trackingRef", trackingRef),
                unknown ? event(batch, letter, "returned").put("reason", "addressee unknown at this address")
                        : event(batch, letter, "delivered"));
        step(events, 0);
    }

    private JsonObject event(String batch, String letter, String type) {
        return new JsonObject().put("id", batch + ":" + letter + ":" + type).put("type", type)
                .put("letterId", letter).put("batch", batch);
    }

    private void step(List<JsonObject> events, int index) {
        if (index >= events.size() || stopped.get()) {
            return;
        }
        vertx.setTimer(Math.max(1, settings.delay().toMillis()), t -> post(events.get(index), 1)
                .onComplete(done -> step(events, index + 1)));
    }

    private Future<Void> post(JsonObject event, int attempt) {
        if (stopped.get()) {
            return Future.succeededFuture();
        }
        event.put("at", settings.clock().instant().toString());
        byte[] body = event.encode().getBytes(StandardCharsets.UTF_8);
        return http.postAbs(settings.callbackUrl()).putHeader("Content-Type", "application/json")
                .putHeader(SimulatorSignature.HEADER, signature.sign(body, settings.clock().instant()))
                .sendBuffer(Buffer.buffer(body))
                .compose(response -> response.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
                        : Future.<Void>failedFuture("callback answered " + response.statusCode()))
                .recover(e -> attempt >= TRIES ? Future.succeededFuture()
                        : delay().compose(v -> post(event, attempt + 1)));
    }

    private Future<Void> delay() {
        return Future.future(p -> vertx.setTimer(Math.max(50, settings.delay().toMillis()), t -> p.complete()));
    }
}
