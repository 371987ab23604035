package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestZones;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /v1/enrollments/batch: every item answered on its own, idempotent by its own key, written together. */
class BulkEnrollmentTest {
    private final ServiceHarness harness = new ServiceHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    private static JsonObject item(String caseId, String phone, String key) {
        JsonObject body = EnrollmentBodies.request(caseId, "demo", phone, null, TestZones.afternoon())
                .put("startAt", Instant.now().plusSeconds(86_400).toString());
        return key == null ? body : body.put("idempotencyKey", key);
    }

    private HttpResponse<Buffer> ndjson(Parley parley, List<JsonObject> items) {
        StringBuilder lines = new StringBuilder();
        items.forEach(i -> lines.append(i.encode()).append('\n'));
        return ServiceHarness.get(harness.http.post(parley.port(), "127.0.0.1", "/v1/enrollments/batch")
                .putHeader("Authorization", "Bearer " + ServiceHarness.ADMIN_KEY)
                .putHeader("Content-Type", "application/x-ndjson").sendBuffer(Buffer.buffer(lines.toString())));
    }

    private static int status(HttpResponse<Buffer> response, int index) {
        return response.bodyAsJsonObject().getJsonArray("results").getJsonObject(index).getInteger("status");
    }

    @Test
    void eachItemIsAnsweredOnItsOwnAndARepeatReplays() {
        Parley parley = harness.start(Map.of());
        assertEquals(201, harness.post(parley, "/v1/enrollments",
                item("case-b0", "+16465550100", null)).statusCode());
        List<JsonObject> items = List.of(item("case-b1", "+16465550101", "k-1"),
                item("case-b0", "+16465550100", "k-0"),
                item("case-b2", "not a phone", "k-2"),
                item("case-b3", "+16465550103", "k-3"),
                item("case-b3", "+16465550103", null));
        HttpResponse<Buffer> first = ndjson(parley, items);
        assertEquals(200, first.statusCode(), first.bodyAsString());
        assertEquals(List.of(201, 409, 422, 201, 409), List.of(status(first, 0), status(first, 1), status(first, 2),
                status(first, 3), status(first, 4)), first.bodyAsString());
        JsonObject problem = first.bodyAsJsonObject().getJsonArray("results").getJsonObject(2).getJsonObject("problem");
        assertTrue(problem.encode().contains("debtor.contactPoints[0].address"), problem.encode());
        assertEquals(2, first.bodyAsJsonObject().getInteger("created"));

        HttpResponse<Buffer> again = ndjson(parley, List.of(items.get(0), item("case-b9", "+16465550109", "k-3")));
        assertEquals(201, status(again, 0));
        assertEquals(first.bodyAsJsonObject().getJsonArray("results").getJsonObject(0).getJsonObject("enrollment")
                .getString("id"), again.bodyAsJsonObject().getJsonArray("results").getJsonObject(0)
                .getJsonObject("enrollment").getString("id"), "the first answer, replayed");
        assertEquals(422, status(again, 1), "a key reused for another enrolment");
        assertEquals(3, TestPostgres.number(harness.database, "SELECT count(*) FROM enrollment"));
        assertEquals(3, TestPostgres.number(harness.database, "SELECT count(*) FROM due_step"));
    }

    @Test
    void aJsonArrayIsTakenAndOversizedOrEmptyBatchesAreRefused() {
        Parley parley = harness.start(Map.of());
        JsonArray array = new JsonArray().add(item("case-a1", "+16465550111", null)).add("not an object");
        HttpResponse<Buffer> response = harness.call(parley, io.vertx.core.http.HttpMethod.POST,
                "/v1/enrollments/batch", ServiceHarness.ADMIN_KEY, array.toBuffer());
        assertEquals(200, response.statusCode(), response.bodyAsString());
        assertEquals(201, status(response, 0));
        assertEquals(400, status(response, 1));
        JsonArray tooMany = new JsonArray();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(new JsonObject());
        }
        assertEquals(422, harness.call(parley, io.vertx.core.http.HttpMethod.POST, "/v1/enrollments/batch",
                ServiceHarness.ADMIN_KEY, tooMany.toBuffer()).statusCode());
        assertEquals(422, harness.call(parley, io.vertx.core.http.HttpMethod.POST, "/v1/enrollments/batch",
                ServiceHarness.ADMIN_KEY, new JsonArray().toBuffer()).statusCode());
        assertEquals(401, harness.call(parley, io.vertx.core.http.HttpMethod.POST, "/v1/enrollments/batch",
                null, array.toBuffer()).statusCode());
    }
}
