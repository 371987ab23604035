package io.parley.e2e;

import io.parley.Parley;
import io.parley.simulator.twilio.TwilioSignature;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestZones;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API's promises over real HTTP: auth, problem+json naming fields, idempotency, signed callbacks. */
class ApiContractTest {
    private static ServiceHarness harness;
    private static Parley parley;

    @BeforeAll
    static void start() {
        harness = new ServiceHarness();
        // nothing is dispatched here: the contract is what is tested
        parley = harness.start(Map.of("dispatch.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static JsonObject body(String caseId) {
        return EnrollmentBodies.request(caseId, "demo", "+16465550199", "sam@example.com", TestZones.afternoon());
    }

    @Test
    void keysAreRequiredAndReadKeysCannotWrite() {
        var none = harness.call(parley, HttpMethod.POST, "/v1/enrollments", null, body("c-auth"));
        assertEquals(401, none.statusCode());
        assertEquals("application/problem+json", none.getHeader("Content-Type"));
        var wrong = harness.call(parley, HttpMethod.POST, "/v1/enrollments", "not-a-key-at-all-000", body("c-auth"));
        assertEquals(401, wrong.statusCode());
        var read = harness.call(parley, HttpMethod.POST, "/v1/enrollments", ServiceHarness.READ_KEY, body("c-auth"));
        assertEquals(403, read.statusCode());
        var timeline = harness.call(parley, HttpMethod.GET, "/v1/cases/c-auth/timeline", ServiceHarness.READ_KEY, null);
        assertEquals(200, timeline.statusCode());
        assertEquals(0, timeline.bodyAsJsonObject().getJsonArray("entries").size(), "nothing written by refused calls");
    }

    @Test
    void invalidBodiesGetProblemJsonNamingTheField() {
        JsonObject bad = body("c-bad");
        bad.getJsonObject("debtor").getJsonArray("contactPoints").getJsonObject(0).put("address", "12");
        bad.getJsonObject("account").put("currency", "XXQ");
        var response = harness.post(parley, "/v1/enrollments", bad);
        assertTrue(response.statusCode() == 400 || response.statusCode() == 422, response.bodyAsString());
        assertEquals("application/problem+json", response.getHeader("Content-Type"));
        String fields = response.bodyAsJsonObject().getJsonArray("errors").encode();
        assertTrue(fields.contains("debtor.contactPoints[0].address"), fields);
        assertTrue(fields.contains("account.currency"), fields);

        var malformed = harness.call(parley, HttpMethod.POST, "/v1/enrollments", ServiceHarness.ADMIN_KEY,
                Buffer.buffer("{\"caseId\": "));
        assertEquals(400, malformed.statusCode(), malformed.bodyAsString());

        var unknownSequence = harness.post(parley, "/v1/enrollments", body("c-bad").put("sequence", "no-such-sequence"));
        assertEquals(422, unknownSequence.statusCode());
        assertTrue(unknownSequence.bodyAsString().contains("\"sequence\""), unknownSequence.bodyAsString());

        var tooBig = harness.call(parley, HttpMethod.POST, "/v1/enrollments", ServiceHarness.ADMIN_KEY,
                Buffer.buffer("{\"caseId\":\"" + "x".repeat(70_000) + "\"}"));
        assertEquals(413, tooBig.statusCode());

        var timeline = harness.call(parley, HttpMethod.GET, "/v1/cases/c-bad/timeline", ServiceHarness.READ_KEY, null);
        assertEquals(0, timeline.bodyAsJsonObject().getJsonArray("entries").size(), "nothing half-written");
    }

    @Test
    void idempotencyKeyReplaysTheOriginalAndRefusesADifferentBody() {
        var request = harness.http.post(parley.port(), "127.0.0.1", "/v1/enrollments")
                .putHeader("Authorization", "Bearer " + ServiceHarness.ADMIN_KEY)
                .putHeader("Idempotency-Key", "key-123");
        var first = ServiceHarness.get(request.sendJsonObject(body("c-idem")));
        assertEquals(201, first.statusCode(), first.bodyAsString());
        var again = ServiceHarness.get(request.sendJsonObject(body("c-idem")));
        assertEquals(201, again.statusCode());
        assertEquals(first.bodyAsJsonObject().getString("id"), again.bodyAsJsonObject().getString("id"));
        var different = ServiceHarness.get(request.sendJsonObject(body("c-idem").put("variables",
                new JsonObject().put("note", "changed"))));
        assertEquals(422, different.statusCode(), different.bodyAsString());
        var noKey = harness.post(parley, "/v1/enrollments", body("c-idem"));
        assertEquals(409, noKey.statusCode(), "one open enrollment per case and sequence");
        assertNotEquals(null, noKey.bodyAsJsonObject().getString("detail"));
    }

    @Test
    void enrollmentLifecycleCommands() {
        String id = harness.post(parley, "/v1/enrollments", body("c-life")).bodyAsJsonObject().getString("id");
        assertEquals("paused", harness.post(parley, "/v1/enrollments/" + id + "/pause", null).bodyAsJsonObject()
                .getString("status"));
        assertEquals(409, harness.post(parley, "/v1/enrollments/" + id + "/pause", null).statusCode());
        assertEquals("active", harness.post(parley, "/v1/enrollments/" + id + "/resume", null).bodyAsJsonObject()
                .getString("status"));
        assertEquals("cancelled", harness.post(parley, "/v1/enrollments/" + id + "/cancel",
                new JsonObject().put("reason", "settled offline")).bodyAsJsonObject().getString("status"));
        assertEquals(409, harness.post(parley, "/v1/enrollments/" + id + "/resume", null).statusCode());
        assertEquals(404, harness.call(parley, HttpMethod.GET, "/v1/enrollments/00000000-0000-0000-0000-000000000000",
                ServiceHarness.READ_KEY, null).statusCode());
        List<String> kinds = harness.timeline(parley, "c-life").stream().map(e -> e.getString("kind")).toList();
        assertEquals(List.of("enrollment.created", "enrollment.paused", "enrollment.resumed", "enrollment.cancelled"),
                kinds);
    }

    @Test
    void forgedStatusCallbacksAreRefused() {
        String path = "/webhooks/twilio/sms/status?attempt=00000000-0000-0000-0000-000000000001";
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("MessageSid", "SM" + "0".repeat(32))
                .add("MessageStatus", "delivered");
        var unsigned = ServiceHarness.get(harness.http.post(parley.port(), "127.0.0.1", path).sendForm(form));
        assertEquals(403, unsigned.statusCode());
        String forged = TwilioSignature.of("a-different-auth-token", parley.publicBaseUrl() + path,
                Map.of("MessageSid", "SM" + "0".repeat(32), "MessageStatus", "delivered"));
        var wrongKey = ServiceHarness.get(harness.http.post(parley.port(), "127.0.0.1", path)
                .putHeader("X-Twilio-Signature", forged).sendForm(form));
        assertEquals(403, wrongKey.statusCode());
        String genuine = TwilioSignature.of(harness.twilio.settings().authToken(), parley.publicBaseUrl() + path,
                Map.of("MessageSid", "SM" + "0".repeat(32), "MessageStatus", "delivered"));
        var signed = ServiceHarness.get(harness.http.post(parley.port(), "127.0.0.1", path)
                .putHeader("X-Twilio-Signature", genuine).sendForm(form));
        assertEquals(204, signed.statusCode());
    }

    @Test
    void healthMetricsAndOpenApi() {
        assertEquals(200, harness.call(parley, HttpMethod.GET, "/health/live", null, null).statusCode());
        var ready = harness.call(parley, HttpMethod.GET, "/health/ready", null, null);
        assertEquals(200, ready.statusCode(), ready.bodyAsString());
        assertEquals(String.valueOf(latestMigration()), ready.bodyAsJsonObject().getString("schemaVersion"),
                "readiness names the latest migration");
        String metrics = harness.call(parley, HttpMethod.GET, "/metrics", null, null).bodyAsString();
        assertTrue(metrics.contains("jvm_memory_used_bytes"), "Prometheus text");
        String openapi = harness.call(parley, HttpMethod.GET, "/openapi.yaml", null, null).bodyAsString();
        assertTrue(openapi.contains("/v1/enrollments"));
    }

    /** The highest version among the migration files, compared as numbers. */
    private static int latestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
