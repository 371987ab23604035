package io.parley.outbox;

import io.parley.Parley;
import io.parley.config.ConfigLoader;
import io.parley.config.Engine;
import io.parley.store.Outbox;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestZones;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static io.parley.testing.ServiceHarness.get;
import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Case events reach the collection engine: by webhook (signed, in seq order per case, retried with the same id
 * after the engine answered 503), by the pull feed (commit order, paging without gaps) and by the SSE stream.
 */
class EngineEventsTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final List<String> CASES = List.of("case-engine-1", "case-engine-2");
    /** The receiver answers 503 to this many requests before it accepts any. */
    private static final int REFUSED = 4;

    /** One POST the engine's webhook received, and what it answered. */
    record Received(String webhookId, String timestamp, String signature, String body, int status, Instant at) {
        JsonObject payload() {
            return new JsonObject(body);
        }

        JsonObject data() {
            return payload().getJsonObject("data");
        }
    }

    private static ServiceHarness harness;
    private static Parley parley;
    private static HttpServer receiver;
    private static final List<Received> received = new CopyOnWriteArrayList<>();
    private static final AtomicInteger requests = new AtomicInteger();
    /** Per case, the seqs of the timeline entries the engine is told about. */
    private static final Map<String, List<Long>> expected = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        harness = new ServiceHarness();
        receiver = get(harness.vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            int status = requests.incrementAndGet() <= REFUSED ? 503 : 200;
            received.add(new Received(req.getHeader(StandardWebhooks.ID), req.getHeader(StandardWebhooks.TIMESTAMP),
                    req.getHeader(StandardWebhooks.SIGNATURE), body.toString(), status, Instant.now()));
            req.response().setStatusCode(status).end();
        })).listen(0, "127.0.0.1"));
        Map<String, String> settings = Map.of("engine.webhookUrl",
                "http://127.0.0.1:" + receiver.actualPort() + "/engine/events", "engine.webhookSecret", SECRET,
                "engine.maxBackoff", "PT2S", "engine.timeout", "PT2S");
        Engine engine = ConfigLoader.fromMap(harness.settings(settings)).engine();
        parley = get(Parley.start(harness.config(Map.of()).withEngine(engine)));

        for (int i = 0; i < CASES.size(); i++) {
            var created = harness.post(parley, "/v1/enrollments", EnrollmentBodies.request(CASES.get(i), "demo",
                    "+1646555020" + i, "engine" + i + "@example.com", TestZones.afternoon()));
            assertEquals(201, created.statusCode(), created.bodyAsString());
        }
        for (String caseId : CASES) {
            List<JsonObject> timeline = harness.awaitTimeline(parley, caseId,
                    t -> has(t, "enrollment.completed", d -> true), Duration.ofSeconds(40));
            expected.put(caseId, timeline.stream().filter(EngineEventsTest::toldToTheEngine)
                    .map(e -> Long.parseLong(e.getString("id"))).toList());
        }
    }

    @AfterAll
    static void stop() {
        if (parley != null) {
            get(parley.close());
        }
        if (receiver != null) {
            get(receiver.close());
        }
        harness.close();
    }

    private static boolean toldToTheEngine(JsonObject entry) {
        String kind = entry.getString("kind");
        return Outbox.KINDS.contains(kind)
                || "decision".equals(kind) && "suppress".equals(entry.getJsonObject("data").getString("outcome"));
    }

    @Test
    void theWebhookGetsEveryEventOfEachCaseInOrderSignedAndRetriedUnderTheSameId() {
        await(() -> CASES.stream().allMatch(c -> accepted(c).equals(expected.get(c))), Duration.ofSeconds(30),
                () -> "accepted " + CASES.stream().map(c -> c + "=" + accepted(c)).toList() + ", expected " + expected);
        assertTrue(expected.values().stream().allMatch(seqs -> seqs.size() >= 3), expected.toString());

        StandardWebhooks webhooks = StandardWebhooks.of(SECRET);
        Set<String> refusedIds = new HashSet<>();
        for (Received r : received) {
            assertTrue(webhooks.verify(r.webhookId(), r.timestamp(), r.signature(), r.body(), Instant.now()),
                    "signed: " + r);
            assertEquals(r.data().getString("id"), r.webhookId(), "webhook-id is the event id");
            assertTrue(r.webhookId().startsWith("evt_"), r.webhookId());
            assertTrue(Math.abs(Long.parseLong(r.timestamp()) - r.at().getEpochSecond()) <= 5, "signed when sent");
            if (r.status() == 503) {
                refusedIds.add(r.webhookId());
            }
        }
        assertFalse(refusedIds.isEmpty());
        for (String id : refusedIds) {
            List<Received> tries = received.stream().filter(r -> r.webhookId().equals(id)).toList();
            assertEquals(200, tries.get(tries.size() - 1).status(), "a refused event is sent again until accepted");
            assertEquals(1, tries.stream().map(Received::body).distinct().count(), "the same body every time");
            assertTrue(tries.size() >= 2);
        }
        for (String caseId : CASES) {
            List<Long> sent = received.stream().filter(r -> caseId.equals(r.data().getString("caseId")))
                    .map(r -> r.data().getLong("seq")).toList();
            for (int i = 1; i < sent.size(); i++) {
                assertTrue(sent.get(i) >= sent.get(i - 1), caseId + ": never an earlier event after a later one: "
                        + sent);
            }
        }
        String metrics = harness.call(parley, HttpMethod.GET, "/metrics", null, null).bodyAsString();
        assertTrue(metrics.contains("parley_outbox_delivered_total"), "delivered counter");
        assertTrue(metrics.contains("parley_outbox_failed_total{result=\"http_5xx\"}"), "failures by result");
        assertTrue(metrics.contains("parley_outbox_pending"), "pending gauge");
        var lagCount = java.util.regex.Pattern.compile("(?m)^parley_outbox_delivery_lag_seconds_count (\\S+)")
                .matcher(metrics);
        assertTrue(lagCount.find(), "delivery lag histogram");
        assertTrue(Double.parseDouble(lagCount.group(1)) >= 1, "each delivered event's lag is recorded: " + lagCount.group());
        assertTrue(metrics.contains("parley_outbox_delivery_lag_seconds_bucket{le="), "lag buckets");
        assertFalse(metrics.contains("case-engine-"), "no case ids in labels");
        Received first = received.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        assertEquals(Set.of("type", "timestamp", "data"), first.payload().fieldNames());
        assertEquals(Set.of("id", "caseId", "seq", "enrollmentId", "details"), first.data().fieldNames());
    }

    /** The seqs the webhook accepted for a case, first acceptance of each event. */
    private static List<Long> accepted(String caseId) {
        return received.stream().filter(r -> r.status() == 200 && caseId.equals(r.data().getString("caseId")))
                .map(r -> r.data().getLong("seq")).distinct().toList();
    }

    @Test
    void thePullFeedListsTheSameEventsInCommitOrderAndItsCursorPagesWithoutGaps() {
        List<JsonObject> all = feed("", 500).getJsonArray("events").stream().map(o -> (JsonObject) o).toList();
        List<JsonObject> paged = new ArrayList<>();
        String after = "";
        List<String> cursors = new ArrayList<>();
        while (true) {
            JsonObject page = feed(after, 3);
            JsonArray events = page.getJsonArray("events");
            String next = page.getString("next");
            if (events.isEmpty()) {
                assertEquals(after.isEmpty() ? "0:0" : after, next, "nothing new: the same cursor back");
                break;
            }
            assertTrue(events.size() <= 3);
            assertNotEquals(after, next);
            cursors.add(next);
            events.forEach(e -> paged.add((JsonObject) e));
            after = next;
        }
        assertEquals(all, paged, "paging gives what one page gives: no gap, no repeat");
        assertEquals(all.size(), all.stream().map(e -> e.getJsonObject("data").getString("id")).distinct().count());
        for (String caseId : CASES) {
            List<Long> seqs = all.stream().filter(e -> caseId.equals(e.getJsonObject("data").getString("caseId")))
                    .map(e -> e.getJsonObject("data").getLong("seq")).toList();
            assertEquals(expected.get(caseId), seqs, caseId);
        }
        // the payloads are the ones the webhook got
        for (JsonObject event : all) {
            String id = event.getJsonObject("data").getString("id");
            received.stream().filter(r -> r.webhookId().equals(id)).forEach(r -> assertEquals(event, r.payload()));
        }
        // a cursor in the middle carries on from there
        JsonObject rest = feed(cursors.get(0), 500);
        assertEquals(all.subList(3, all.size()), rest.getJsonArray("events").stream().map(o -> (JsonObject) o)
                .toList());
        assertEquals(after, rest.getString("next"));
    }

    @Test
    void theFeedRefusesABadCursorOrLimitAndNeedsAKey() {
        for (String bad : List.of("abc", "12", "1:x", "-1:2")) {
            HttpResponse<Buffer> r = harness.call(parley, HttpMethod.GET, "/v1/events?after=" + bad,
                    ServiceHarness.READ_KEY, null);
            assertEquals(400, r.statusCode(), bad);
            assertEquals("application/problem+json", r.getHeader("Content-Type"));
            assertEquals("after", r.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"));
        }
        HttpResponse<Buffer> limit = harness.call(parley, HttpMethod.GET, "/v1/events?limit=501",
                ServiceHarness.READ_KEY, null);
        assertEquals(400, limit.statusCode());
        assertEquals("limit", limit.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(401, harness.call(parley, HttpMethod.GET, "/v1/events", null, null).statusCode());
        assertEquals(401, harness.call(parley, HttpMethod.GET, "/v1/events/stream", null, null).statusCode());
        HttpResponse<Buffer> stream = harness.call(parley, HttpMethod.GET, "/v1/events/stream?after=nope",
                ServiceHarness.READ_KEY, null);
        assertEquals(400, stream.statusCode());
        assertEquals("after", stream.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void theStreamSendsTheEventsAndResumesFromLastEventId() {
        List<JsonObject> all = feed("", 500).getJsonArray("events").stream().map(o -> (JsonObject) o).toList();
        List<String> cursors = new ArrayList<>();
        String after = "";
        while (true) {
            JsonObject page = feed(after, 1);
            if (page.getJsonArray("events").isEmpty()) {
                break;
            }
            after = page.getString("next");
            cursors.add(after);
        }
        HttpClient client = harness.vertx.createHttpClient();
        try {
            List<Map<String, String>> messages = stream(client, null, null, all.size());
            assertEquals(all.size(), messages.size());
            for (int i = 0; i < all.size(); i++) {
                assertEquals(cursors.get(i), messages.get(i).get("id"));
                assertEquals(all.get(i).getString("type"), messages.get(i).get("event"));
                assertEquals(all.get(i), new JsonObject(messages.get(i).get("data")));
            }
            // a reconnect names the last event it got: the stream carries on after it, whatever after= says
            List<Map<String, String>> resumed = stream(client, "", cursors.get(1), all.size() - 2);
            assertEquals(cursors.subList(2, cursors.size()), resumed.stream().map(m -> m.get("id")).toList());
            List<Map<String, String>> fromQuery = stream(client, cursors.get(all.size() - 2), null, 1);
            assertEquals(cursors.get(all.size() - 1), fromQuery.get(0).get("id"));
        } finally {
            get(client.close());
        }
    }

    /** Opens the stream, reads messages until it has count of them, and closes the connection. */
    private static List<Map<String, String>> stream(HttpClient client, String after, String lastEventId, int count) {
        List<Map<String, String>> messages = new CopyOnWriteArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                .setPort(parley.port()).setURI("/v1/events/stream" + (after == null ? "" : "?after=" + after))
                .putHeader("Authorization", "Bearer " + ServiceHarness.ADMIN_KEY); // whole, as the engine gets them
        if (lastEventId != null) {
            options.putHeader("Last-Event-ID", lastEventId);
        }
        // the parser is attached as the response arrives, on its event loop, so no line is missed
        HttpClientResponse response = get(client.request(options).compose(req -> req.send()).map(resp -> {
            RecordParser.newDelimited("\n", resp).handler(line -> {
                String text = line.toString();
                if (text.isEmpty()) {
                    if (current.containsKey("data")) {
                        messages.add(Map.copyOf(current));
                    }
                    current.clear();
                } else if (!text.startsWith(":")) {
                    int colon = text.indexOf(':');
                    current.put(text.substring(0, colon), text.substring(colon + 1).strip());
                }
            });
            return resp;
        }));
        assertEquals(200, response.statusCode());
        assertTrue(response.getHeader("Content-Type").startsWith("text/event-stream"));
        await(() -> messages.size() >= count, Duration.ofSeconds(10), () -> "stream gave " + messages);
        ServiceHarness.sleep(300);
        get(response.request().connection().close());
        return List.copyOf(messages);
    }

    private static JsonObject feed(String after, int limit) {
        HttpResponse<Buffer> r = harness.call(parley, HttpMethod.GET, "/v1/events?limit=" + limit
                + (after.isEmpty() ? "" : "&after=" + after), ServiceHarness.ADMIN_KEY, null); // unmasked
        assertEquals(200, r.statusCode(), r.bodyAsString());
        return r.bodyAsJsonObject();
    }

    private static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> why) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in " + timeout + ": " + why.get());
            }
            ServiceHarness.sleep(100);
        }
    }
}
