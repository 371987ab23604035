package io.parley.simulator.printhouse;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A print house on this machine, for the default run and tests. It takes each letter's PDF
 * ({@code PUT /v1/batches/{batch}/letters/{letter}}, checked against its {@code Letter-Sha256}) and then the batch's
 * manifest ({@code POST /v1/batches/{batch}}, every listed letter must have arrived), all signed. For each letter of
 * a new batch it then calls back, signed: {@code printed}, {@code mailed} with a tracking reference, and
 * {@code delivered} - or {@code returned} ("addressee unknown") when an address line holds the postal code 00000.
 * {@code GET /v1/batches/{batch}} shows what it received. It keeps everything in memory.
 */
public final class PrintHouseSimulator {
    /** Where it listens, the secret both sides sign with, where it calls back, the pause between events, its clock. */
    public record Settings(String host, int port, String secret, String callbackUrl, Duration delay, Clock clock) {
    }

    private final Settings settings;
    private final HttpServer server;
    private final SimulatorSignature signature;
    private final Map<String, Map<String, String>> letters = new ConcurrentHashMap<>();
    private final Map<String, JsonArray> batches = new ConcurrentHashMap<>();
    private final Journeys journeys;

    private PrintHouseSimulator(Vertx vertx, Settings settings) {
        this.settings = settings;
        this.signature = new SimulatorSignature(settings.secret());
        this.journeys = new Journeys(vertx, WebClient.create(vertx), signature, settings);
        Router router = Router.router(vertx);
        router.route("/v1/batches/*").handler(BodyHandler.create(false).setBodyLimit(20L * 1024 * 1024));
        router.put("/v1/batches/:batch/letters/:letter").handler(this::letter);
        router.post("/v1/batches/:batch").handler(this::manifest);
        router.get("/v1/batches/:batch").handler(this::show);
        this.server = vertx.createHttpServer().requestHandler(router);
    }

    public static Future<PrintHouseSimulator> start(Vertx vertx, Settings settings) {
        PrintHouseSimulator simulator = new PrintHouseSimulator(vertx, settings);
        return simulator.server.listen(settings.port(), settings.host()).map(s -> simulator);
    }

    public String baseUrl() {
        return "http://" + settings.host() + ":" + server.actualPort();
    }

    public Future<Void> close() {
        journeys.stop();
        return server.close();
    }

    private boolean signed(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (signature.valid(ctx.request().getHeader(SimulatorSignature.HEADER),
                body == null ? new byte[0] : body.getBytes())) {
            return true;
        }
        ctx.response().setStatusCode(401).end("bad or missing " + SimulatorSignature.HEADER);
        return false;
    }

    private void letter(RoutingContext ctx) {
        if (!signed(ctx)) {
            return;
        }
        byte[] pdf = ctx.body().buffer().getBytes();
        String sha = sha256(pdf);
        if (!sha.equals(ctx.request().getHeader("Letter-Sha256"))) {
            ctx.response().setStatusCode(422).end("Letter-Sha256 does not match the body (" + sha + ")");
            return;
        }
        letters.computeIfAbsent(ctx.pathParam("batch"), b -> new ConcurrentHashMap<>())
                .put(ctx.pathParam("letter"), sha);
        ctx.response().setStatusCode(204).end();
    }

    private void manifest(RoutingContext ctx) {
        if (!signed(ctx)) {
            return;
        }
        String batch = ctx.pathParam("batch");
        List<Map<String, String>> rows = ManifestRows.parse(ctx.body().asString());
        Map<String, String> received = letters.getOrDefault(batch, Map.of());
        for (Map<String, String> row : rows) {
            if (!row.get("sha256").equals(received.get(row.get("letter_id")))) {
                ctx.response().setStatusCode(409).end("letter " + row.get("letter_id") + " of the manifest was not "
                        + "received (or not with this SHA-256)");
                return;
            }
        }
        JsonArray listed = new JsonArray();
        rows.forEach(row -> listed.add(new JsonObject(new java.util.LinkedHashMap<>(row))));
        boolean fresh = batches.putIfAbsent(batch, listed) == null;
        if (fresh) {
            rows.forEach(row -> journeys.mail(batch, row));
        }
        ctx.response().setStatusCode(fresh ? 202 : 200).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("batch", batch).put("letters", rows.size()).encode());
    }

    private void show(RoutingContext ctx) {
        JsonArray listed = batches.get(ctx.pathParam("batch"));
        if (listed == null) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("batch", ctx.pathParam("batch")).put("letters", listed).encode());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
