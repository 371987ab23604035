package io.parley.e2e;

import io.parley.testing.ScratchDirs;
import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.ServiceProcess;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compliance policy in the running service: caps across processes, holds, preferences, opt-outs, preview. */
class ComplianceTest {
    private ServiceHarness harness;
    private Path sequences;
    private Path policies;

    @BeforeEach
    void start() throws IOException {
        harness = new ServiceHarness();
        sequences = TestSequences.directory(TestSequences.ONE_TEXT, """
                name: text-then-email
                version: 1
                stopOn: [payment_received]
                steps:
                  - id: text
                    channel: sms
                    template: demo-sms-1
                    at: { anchor: enrollment, after: PT0S }
                    fallback: [{ channel: email, template: demo-email }]
                """);
        policies = ScratchDirs.create("parley-policies");
        Files.writeString(policies.resolve("race.yaml"), """
                id: race
                description: Any hour; at most three texts per person in any seven days.
                appliesTo: {}
                channels:
                  sms:
                    hours: "00:00-23:59"
                    caps:
                      - { id: three-a-week, max: 3, window: P7D, scope: person, counts: [sms] }
                  email:
                    hours: "00:00-23:59"
                """);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private Map<String, String> settings(String batchSize) {
        return Map.of("paths.sequences", sequences.toString(), "paths.policies", policies.toString(),
                "dispatch.batchSize", batchSize);
    }

    private static JsonObject enrollment(String caseId, String sequence, String phone, String email) {
        return EnrollmentBodies.request(caseId, sequence, phone, email, TestZones.afternoon());
    }

    @Test
    void aCapHoldsWhenTwoProcessesRaceManyAttemptsForOneDebtor() {
        Parley inProcess = harness.start(settings("4"));
        try (ServiceProcess other = ServiceProcess.start(harness, settings("4"))) {
            String phone = "+16465550301";
            Instant startAt = Instant.now().plusSeconds(8);
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                JsonObject body = enrollment("case-race-" + i, "one-text", phone, null).put("startAt", startAt.toString());
                body.getJsonObject("debtor").put("id", "debtor-race");
                posts.add(harness.http.post(inProcess.port(), "127.0.0.1", "/v1/enrollments")
                        .putHeader("Authorization", "Bearer " + ServiceHarness.ADMIN_KEY).sendJsonObject(body)
                        .map(r -> {
                            if (r.statusCode() != 201) {
                                throw new AssertionError(r.bodyAsString());
                            }
                            return r;
                        }));
            }
            ServiceHarness.get(Future.all(posts));
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (TestPostgres.number(harness.database, "SELECT count(*) FROM decision") < 20
                    && System.nanoTime() < deadline) {
                ServiceHarness.sleep(200);
            }
            ServiceHarness.sleep(1000);
            assertEquals(3, harness.twilio.messages().stream().filter(m -> phone.equals(m.param("To"))).count(),
                    "three texts, whichever process sent them");
            assertEquals(3, TestPostgres.number(harness.database, "SELECT count(*) FROM attempt"));
            assertEquals(17, TestPostgres.number(harness.database,
                    "SELECT count(*) FROM decision WHERE outcome = 'defer' AND rule = 'race/sms/three-a-week'"));
            assertTrue(TestPostgres.number(harness.database, "SELECT count(*) FROM decision WHERE outcome = 'defer' "
                    + "AND until_at < now() + interval '6 days'") == 0, "deferred a week, until a text leaves the window");
        }
    }

    @Test
    void aDisputeHoldsTheCaseAndACeaseRequestTheDebtor() {
        Parley parley = harness.start(settings("16"));
        var event = harness.post(parley, "/v1/cases/case-hold/events",
                new JsonObject().put("type", "dispute").put("reference", "DSP-1"));
        assertEquals(202, event.statusCode(), event.bodyAsString());
        var refused = harness.post(parley, "/v1/enrollments", enrollment("case-hold", "one-text", "+16465550302", null));
        assertEquals(409, refused.statusCode(), refused.bodyAsString());
        assertTrue(refused.bodyAsJsonObject().getString("detail").contains("dispute"));

        var first = harness.post(parley, "/v1/enrollments", enrollment("case-cease-1", "one-text", "+16465550303", null));
        assertEquals(201, first.statusCode(), first.bodyAsString());
        harness.post(parley, "/v1/cases/case-cease-1/events", new JsonObject().put("type", "cease_request"));
        JsonObject other = enrollment("case-cease-2", "one-text", "+16465550303", null);
        other.getJsonObject("debtor").put("id", "debtor-case-cease-1"); // the same person, another debt
        var ceased = harness.post(parley, "/v1/enrollments", other);
        assertEquals(409, ceased.statusCode(), ceased.bodyAsString());
        assertTrue(ceased.bodyAsJsonObject().getString("detail").contains("cease"));
        // new preferences from the engine do not undo a cease the debtor gave
        other.getJsonObject("debtor").put("preferences", new JsonObject()
                .put("ceaseAll", false).put("refusedChannels", new JsonArray().add("voice")));
        assertEquals(409, harness.post(parley, "/v1/enrollments", other).statusCode());
    }

    @Test
    void anOptedOutNumberTakesTheFallbackAndARefusedChannelIsNeverUsed() {
        Parley parley = harness.start(settings("16"));
        JsonObject body = enrollment("case-optout", "text-then-email", "+16465550304", "optout@example.com")
                .put("startAt", Instant.now().plusSeconds(3).toString());
        assertEquals(201, harness.post(parley, "/v1/enrollments", body).statusCode());
        String debtor = body.getJsonObject("debtor").getString("id");
        var optOut = harness.post(parley, "/v1/debtors/" + debtor + "/opt-outs",
                new JsonObject().put("channel", "sms").put("address", "+16465550304").put("reason", "STOP by phone"));
        assertEquals(200, optOut.statusCode(), optOut.bodyAsString());
        assertEquals(true, optOut.bodyAsJsonObject().getBoolean("changed"));
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-optout",
                t -> has(t, "attempt.status", d -> "email".equals(d.getString("channel"))), Duration.ofSeconds(20));
        assertTrue(has(timeline, "contact.opted_out", d -> "sms".equals(d.getString("channel"))));
        assertTrue(has(timeline, "decision", d -> "allow".equals(d.getString("outcome"))
                && d.getJsonArray("reasons").encode().contains("opted_out")), "the decision says why sms was passed over");
        assertEquals(0, harness.twilio.messages().stream().filter(m -> "+16465550304".equals(m.param("To"))).count());

        var preferences = harness.call(parley, HttpMethod.PUT, "/v1/debtors/" + debtor + "/preferences",
                ServiceHarness.ADMIN_KEY, new JsonObject().put("refusedChannels", new JsonArray().add("email")));
        assertEquals(200, preferences.statusCode(), preferences.bodyAsString());
        JsonObject again = enrollment("case-optout-2", "text-then-email", "+16465550304", "optout@example.com");
        again.getJsonObject("debtor").put("id", debtor);
        assertEquals(201, harness.post(parley, "/v1/enrollments", again).statusCode());
        List<JsonObject> second = harness.awaitTimeline(parley, "case-optout-2",
                t -> has(t, "decision", d -> "suppress".equals(d.getString("outcome"))), Duration.ofSeconds(20));
        assertTrue(has(second, "decision", d -> "refused-channel".equals(d.getString("rule"))), second.toString());
    }

    @Test
    void aPreviewProjectsTheCalendarAndSendsNothing() {
        Parley parley = harness.start(Map.of());
        JsonObject body = EnrollmentBodies.request("ignored", "m1-early", "+16465550305", "preview@example.com",
                java.time.ZoneId.of("America/Los_Angeles")).put("startAt", "2026-12-01T17:00:00Z");
        body.remove("caseId");
        var response = harness.post(parley, "/v1/sequences/m1-early/preview", body);
        assertEquals(200, response.statusCode(), response.bodyAsString());
        JsonArray calendar = response.bodyAsJsonObject().getJsonArray("calendar");
        assertTrue(calendar.size() >= 3, calendar.encodePrettily());
        JsonObject first = calendar.getJsonObject(0);
        assertEquals("sms", first.getString("channel"));
        assertTrue(first.getJsonArray("decisions").getJsonObject(0).getJsonObject("facts").containsKey("zones"),
                first.encodePrettily());
        assertEquals(0, harness.twilio.messages().size(), "nothing sent");
        assertEquals(0, TestPostgres.number(harness.database, "SELECT count(*) FROM attempt"));
        var unknownPack = harness.post(parley, "/v1/sequences/m1-early/preview",
                body.copy().put("policyPacks", new JsonArray().add("us-regf").add("atlantis")));
        assertEquals(422, unknownPack.statusCode(), unknownPack.bodyAsString());
        assertTrue(unknownPack.bodyAsString().contains("policyPacks[1]"));
    }
}
