package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.parley.testing.ServiceHarness.ADMIN_KEY;
import static io.parley.testing.ServiceHarness.READ_KEY;
import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the console reads (the caller, a case's contact points with their caps, a sequence's versions), what a read
 * key may and may not do, and the console's pages as the service serves them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleApiTest {
    private static final String CASE = "case-console";
    private static final String PHONE = "+16465550177";

    private ServiceHarness harness;
    private Parley parley;
    private String enrollmentId;

    @BeforeAll
    void start() {
        harness = new ServiceHarness();
        parley = harness.start(Map.of("paths.policies", "conf/policies"));
        enrollmentId = harness.post(parley, "/v1/enrollments", EnrollmentBodies.request(CASE, "m1-early", PHONE,
                "Alex.Morgan@Example.com", ZoneId.of("America/New_York"))).bodyAsJsonObject().getString("id");
        // the first step is decided at once: sent in New York's daytime, deferred at night
        harness.awaitTimeline(parley, CASE, t -> has(t, "decision", d -> true), Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    private HttpResponse<Buffer> get(String path, String key) {
        return harness.call(parley, HttpMethod.GET, path, key, null);
    }

    @Test
    void theCallerIsTheKeyWithItsRole() {
        assertEquals(new JsonObject().put("name", "reader").put("role", "READ").put("canWrite", false)
                .put("seesAddresses", false), get("/v1/caller", READ_KEY).bodyAsJsonObject());
        JsonObject admin = get("/v1/caller", ADMIN_KEY).bodyAsJsonObject();
        assertTrue(admin.getBoolean("canWrite") && admin.getBoolean("seesAddresses"), admin.encode());
        assertEquals(401, get("/v1/caller", "no-such-key-0123456789").statusCode());
    }

    @Test
    void contactPointsCountEachCapAsTheTimelineShowsAndMaskAddressesForAReadKey() {
        List<JsonObject> timeline = harness.timeline(parley, CASE);
        long texts = timeline.stream().filter(e -> "attempt.sending".equals(e.getString("kind"))
                && "sms".equals(e.getJsonObject("data").getString("channel"))).count();

        JsonObject full = get("/v1/cases/" + CASE + "/contact-points", ADMIN_KEY).bodyAsJsonObject();
        assertEquals(List.of("us-regf"), full.getJsonArray("packs").getList());
        assertFalse(full.getBoolean("addressesMasked"));
        JsonObject sms = point(full, "sms");
        assertEquals(PHONE, sms.getString("address"));
        assertEquals("valid", sms.getString("status"));
        JsonObject cap = cap(sms, "us-regf/sms/3-in-7");
        assertEquals(texts, cap.getInteger("used").longValue());
        assertEquals(3 - texts, cap.getInteger("remaining").longValue());
        assertEquals("debt", cap.getString("scope"));
        assertEquals(0, cap(point(full, "email"), "us-regf/email/5-in-7").getInteger("used"));
        assertEquals("Alex.Morgan@example.com", point(full, "email").getString("address"));

        JsonObject masked = get("/v1/cases/" + CASE + "/contact-points", READ_KEY).bodyAsJsonObject();
        assertTrue(masked.getBoolean("addressesMasked"));
        assertEquals("+16*******77", point(masked, "sms").getString("address"));
        assertEquals("A***@example.com", point(masked, "email").getString("address"));
        assertFalse(masked.encode().contains(PHONE), masked.encode());
        assertEquals(point(full, "sms").getJsonArray("caps"), point(masked, "sms").getJsonArray("caps"));

        assertEquals(404, get("/v1/cases/no-such-case/contact-points", ADMIN_KEY).statusCode());
    }

    private static JsonObject point(JsonObject body, String channel) {
        return body.getJsonArray("contactPoints").stream().map(JsonObject.class::cast)
                .filter(p -> channel.equals(p.getString("channel"))).findFirst().orElseThrow();
    }

    private static JsonObject cap(JsonObject point, String rule) {
        return point.getJsonArray("caps").stream().map(JsonObject.class::cast)
                .filter(c -> rule.equals(c.getString("rule"))).findFirst().orElseThrow(() -> new AssertionError(
                        "no cap " + rule + " in " + point.encode()));
    }

    @Test
    void recentCasesListTheCaseWithItsLatestEnrollment() {
        JsonArray cases = get("/v1/cases?limit=5", READ_KEY).bodyAsJsonObject().getJsonArray("cases");
        JsonObject found = cases.stream().map(JsonObject.class::cast).filter(c -> CASE.equals(c.getString("caseId")))
                .findFirst().orElseThrow(() -> new AssertionError(cases.encode()));
        assertEquals("m1-early", found.getString("sequence"));
        assertEquals("debtor-" + CASE, found.getString("debtorId"));
        assertEquals(422, get("/v1/cases?limit=0", READ_KEY).statusCode());
    }

    @Test
    void aSequenceReadsAsItsFileWithItsVersions() {
        JsonObject body = get("/v1/sequences/m1-early", READ_KEY).bodyAsJsonObject();
        JsonObject latest = body.getJsonArray("versions").getJsonObject(0);
        assertTrue(latest.getBoolean("current"));
        JsonObject definition = latest.getJsonObject("definition");
        assertEquals("sms-day-5", definition.getString("onBrokenPromise"));
        JsonObject ivr = definition.getJsonArray("steps").stream().map(JsonObject.class::cast)
                .filter(s -> "ivr-day-3".equals(s.getString("id"))).findFirst().orElseThrow();
        assertEquals("ivr-day-3-evening", ivr.getJsonObject("on").getString("not_reached"));
        assertEquals(new JsonArray().add(new JsonObject().put("channel", "sms").put("template", "m1-sms-2")),
                ivr.getJsonArray("fallback"));
        assertEquals(404, get("/v1/sequences/no-such-sequence", READ_KEY).statusCode());
    }

    @Test
    void aReadKeyMayPreviewButNotCancel() {
        JsonObject request = EnrollmentBodies.request("ignored", "m1-early", PHONE, null, ZoneId.of("America/New_York"));
        request.remove("caseId");
        request.put("startAt", "2026-12-08T04:00:00Z");
        var preview = harness.call(parley, HttpMethod.POST, "/v1/sequences/m1-early/preview", READ_KEY, request);
        assertEquals(200, preview.statusCode(), preview.bodyAsString());
        JsonObject first = preview.bodyAsJsonObject().getJsonArray("calendar").getJsonObject(0);
        assertEquals("us-regf/sms/hours", first.getJsonArray("decisions").getJsonObject(0).getString("rule"));

        var cancel = harness.call(parley, HttpMethod.POST, "/v1/enrollments/" + enrollmentId + "/cancel", READ_KEY, null);
        assertEquals(403, cancel.statusCode());
        assertEquals("active", get("/v1/enrollments/" + enrollmentId, READ_KEY).bodyAsJsonObject().getString("status"));
    }

    @Test
    void theConsoleIsServedFromTheJarAndLoadsNothingFromElsewhere() throws IOException {
        var bare = ServiceHarness.get(harness.http.get(parley.port(), "127.0.0.1", "/console").followRedirects(false).send());
        assertEquals(302, bare.statusCode());
        assertTrue(bare.getHeader("Location").endsWith("/console/"), bare.getHeader("Location"));
        var index = harness.call(parley, HttpMethod.GET, "/console/", null, null);
        assertEquals(200, index.statusCode());
        assertTrue(index.bodyAsString().contains("<script type=\"module\" src=\"app.js\">"), index.bodyAsString());
        assertTrue(index.getHeader("Content-Security-Policy").contains("default-src 'self'"));
        var module = harness.call(parley, HttpMethod.GET, "/console/views/case.js", null, null);
        assertEquals(200, module.statusCode());
        assertTrue(module.getHeader("Content-Type").contains("javascript"), module.getHeader("Content-Type"));
        assertEquals(404, harness.call(parley, HttpMethod.GET, "/console/no-such-file.js", null, null).statusCode());

        Pattern elsewhere = Pattern.compile("(?:src|href)=[\"']?(?:https?:)?//|from\\s+['\"](?:https?:)?//"
                + "|import\\(\\s*['\"](?:https?:)?//|url\\(\\s*['\"]?(?:https?:)?//|fetch\\(\\s*['\"`](?:https?:)?//");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/console"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(elsewhere.matcher(Files.readString(file)).find(), file + " loads something from elsewhere");
            }
        }
    }
}
