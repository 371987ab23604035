package io.parley.e2e.hostile;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestZones;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input rules at the edge: each hostile value is a 4xx problem naming its field, never a 500. */
class HostileInputTest {
    private static ServiceHarness harness;
    private static Parley parley;
    private static OpenApiRoutes routes;

    @BeforeAll
    static void start() {
        harness = new ServiceHarness();
        parley = harness.start(Map.of("dispatch.enabled", "false"));
        routes = OpenApiRoutes.load();
        assertEquals(201, harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("hostile-1", "demo",
                "+16465550801", "alex.morgan@example.com", TestZones.afternoon())).statusCode());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static JsonObject example(String operationId) {
        return routes.routes().stream().filter(r -> r.operationId().equals(operationId)).findFirst().orElseThrow()
                .exampleJson();
    }

    private static HttpResponse<Buffer> send(HttpMethod method, String path, String json) {
        return harness.call(parley, method, path, ServiceHarness.ADMIN_KEY,
                json == null ? null : Buffer.buffer(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** A 4xx problem whose errors name the field. */
    private static void refused(HttpResponse<Buffer> response, String field) {
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                response.statusCode() + " " + response.bodyAsString());
        assertEquals("application/problem+json", response.getHeader("Content-Type"));
        String errors = response.bodyAsJsonObject().getJsonArray("errors").encode();
        assertTrue(errors.contains("\"field\":\"" + field + "\""), field + " in " + errors);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "+999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z"})
    void instantsOutOfRangeAreRefusedByName(String instant) {
        JsonObject enrollment = EnrollmentBodies.request("hostile-range", "demo", "+16465550802", null,
                TestZones.afternoon()).put("startAt", instant);
        refused(harness.post(parley, "/v1/enrollments", enrollment), "startAt");
        refused(harness.post(parley, "/v1/sequences/demo/preview", example("previewSequence").put("startAt", instant)),
                "startAt");
        refused(harness.post(parley, "/v1/replies/classify", new JsonObject().put("text", "STOP")
                .put("arrivedAt", instant)), "arrivedAt");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"+999999999-01-01", "-999999999-12-31", "0000-01-01", "-0001-06-01", "2201-01-01"})
    void datesOutOfRangeAreRefusedByName(String date) {
        JsonObject enrollment = EnrollmentBodies.request("hostile-due", "demo", "+16465550803", null,
                TestZones.afternoon());
        enrollment.getJsonObject("account").put("dueDate", date);
        refused(harness.post(parley, "/v1/enrollments", enrollment), "account.dueDate");
        refused(harness.post(parley, "/v1/cases/hostile-1/events", new JsonObject().put("type", "promise_to_pay")
                .put("details", new JsonObject().put("amount", "10.00").put("date", date))), "details.date");
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedWhereverTheyAre() {
        refused(send(HttpMethod.POST, "/v1/replies/classify", "{\"text\": \"ST\\u0000OP\"}"), "text");
        refused(send(HttpMethod.POST, "/v1/replies/classify", "{\"text\": \"\\ud800 STOP\"}"), "text");
        refused(send(HttpMethod.POST, "/v1/replies/classify", "{\"text\": \"STOP\", \"a\\u0000b\": 1}"), "a\\\\u0000b");
        refused(send(HttpMethod.GET, "/v1/cases/a%00b/timeline", null), "path");
        refused(send(HttpMethod.GET, "/v1/debtors/%ED%A0%80", null), "debtorId"); // not UTF-8: refused by the id rule
    }

    @Test
    void aMemberGivenTwiceIsRefused() {
        refused(send(HttpMethod.POST, "/v1/replies/classify", "{\"text\": \"hello\", \"text\": \"STOP\"}"), "text");
        refused(send(HttpMethod.POST, "/v1/debtors/debtor-hostile-1/opt-outs",
                "{\"channel\": \"sms\", \"address\": \"+16465550801\", \"address\": \"+16465550899\"}"), "address");
    }

    @Test
    void pathIdsHaveALengthAndACharacterSet() {
        String event = new JsonObject().put("type", "payment_received").encode();
        refused(send(HttpMethod.POST, "/v1/cases/a%2Fb/events", event), "caseId");
        refused(send(HttpMethod.POST, "/v1/cases/" + "c".repeat(129) + "/events", event), "caseId");
        refused(send(HttpMethod.POST, "/v1/cases/x'%20OR%201=1--/events", event), "caseId");
        assertEquals(202, send(HttpMethod.POST, "/v1/cases/" + "c".repeat(128) + "/events", event).statusCode());
    }

    @Test
    void anOptOutFindsTheEmailAddressWhateverItsCase() {
        var response = send(HttpMethod.POST, "/v1/debtors/debtor-hostile-1/opt-outs",
                "{\"channel\": \"email\", \"address\": \"ALEX.MORGAN@EXAMPLE.COM\"}");
        assertEquals(200, response.statusCode(), response.bodyAsString());
        assertEquals("alex.morgan@example.com", response.bodyAsJsonObject().getString("address"));
        assertTrue(response.bodyAsJsonObject().getBoolean("changed"));
    }

    @Test
    void aBatchOfJunkIsAnsweredAtOnce() {
        for (String type : new String[]{"application/json", "application/x-ndjson", "text/plain", "message/rfc822",
                "application/x-www-form-urlencoded", "multipart/form-data"}) {
            for (String body : new String[]{"", "junk\u0000", "[1,", "{\"a\":1}\n{", "\u00e5\u00dd\u00bf"}) {
                long started = System.nanoTime();
                var response = io.parley.testing.ServiceHarness.get(harness.http.post(parley.port(), "127.0.0.1",
                                "/v1/enrollments/batch").putHeader("Authorization", "Bearer " + ServiceHarness.ADMIN_KEY)
                        .putHeader("Content-Type", type).timeout(5000)
                        .sendBuffer(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))));
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(response.statusCode() < 500 && millis < 2000,
                        type + " " + body + ": " + response.statusCode() + " after " + millis + " ms");
            }
        }
    }

    @Test
    void theInboundEmail415NamesTheMediaTypeItReads() {
        var response = send(HttpMethod.POST, "/v1/inbound/email", "{}");
        assertEquals(415, response.statusCode());
        assertTrue(response.bodyAsJsonObject().getString("detail").contains("message/rfc822"), response.bodyAsString());
    }

    @Test
    void errorFieldPathsAreClean() {
        var response = send(HttpMethod.PUT, "/v1/debtors/debtor-hostile-1/preferences",
                "{\"refusedChannels\": [5, \"sms\"]}");
        refused(response, "refusedChannels[0]");
        assertTrue(!response.bodyAsString().contains("['"), response.bodyAsString());
    }
}
