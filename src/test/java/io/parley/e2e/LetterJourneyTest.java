package io.parley.e2e;

import io.parley.testing.ScratchDirs;
import io.parley.Parley;
import io.parley.channel.letter.LetterFixtures;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.MutableClock;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Letters end to end: rendered, batched until the cut-off (a test clock moves past it), handed to the print-house
 * simulator, mailed and returned, the address invalid and the sequence branching; and a dispute before the cut-off
 * pulling a letter out of its batch.
 */
class LetterJourneyTest {
    private static final String THIRD_STEP_LETTER = """
            name: letter-third
            version: 1
            stopOn: [payment_received, dispute, cease_request, attorney, bankruptcy]
            steps:
              - id: sms-1
                channel: sms
                template: demo-sms-1
                at: { anchor: enrollment, after: PT0S }
              - id: email
                channel: email
                template: demo-email
                at: { anchor: previous, after: PT1S }
              - id: letter
                channel: letter
                template: m2-letter
                at: { anchor: previous, after: PT1S }
                on: { not_reached: sms-after-return, delivered: end }
              - id: sms-after-return
                channel: sms
                template: demo-sms-2
                at: { anchor: previous, after: PT1S }
            """;
    private static final String LETTER_FIRST = """
            name: letter-first
            version: 1
            stopOn: [payment_received, dispute, cease_request, attorney, bankruptcy]
            steps:
              - id: letter
                channel: letter
                template: m1-letter
                at: { anchor: enrollment, after: PT0S }
            """;
    private static ServiceHarness harness;
    private static Parley parley;
    private static final MutableClock CLOCK = new MutableClock();

    @BeforeAll
    static void start() throws Exception {
        harness = new ServiceHarness();
        Path policies = ScratchDirs.create("letter-policies");
        Files.writeString(policies.resolve("calls-by-day.yaml"), """
                id: calls-by-day
                description: Letters are not restricted by the hour; only calls are.
                appliesTo: {}
                channels:
                  voice: { hours: "09:00-17:00" }
                """);
        // the cut-off two hours from now (UTC), so the letters of this test wait for it until the clock moves on
        LocalTime cutoff = CLOCK.instant().plus(Duration.ofHours(2)).atZone(ZoneOffset.UTC).toLocalTime()
                .truncatedTo(ChronoUnit.MINUTES);
        parley = harness.start(Map.of("paths.sequences", TestSequences.directory(THIRD_STEP_LETTER, LETTER_FIRST)
                        .toString(), "paths.policies", policies.toString(), "letter.zone", "UTC",
                "letter.cutoff", cutoff.toString(), "letter.pollInterval", "PT0.2S",
                "simulators.deliveryDelay", "PT0.1S"), CLOCK);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private static JsonObject enroll(String caseId, String sequence, String postalCode) {
        JsonObject body = EnrollmentBodies.request(caseId, sequence, "+16465550" + caseId.substring(caseId.length()
                - 3), caseId + "@example.com", TestZones.afternoon());
        body.getJsonObject("debtor").getJsonObject("address").put("postalCode", postalCode);
        var created = harness.post(parley, "/v1/enrollments", body);
        assertEquals(201, created.statusCode(), created.bodyAsString());
        return body;
    }

    private static JsonObject rendered(List<JsonObject> timeline) {
        return timeline.stream().filter(e -> e.getString("kind").equals("letter.rendered")).findFirst()
                .orElseThrow().getJsonObject("data");
    }

    @Test
    void aReturnedLetterInvalidatesTheAddressAndTakesTheNotReachedBranch() {
        JsonObject body = enroll("case-letter-101", "letter-third", "00000");
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-letter-101",
                t -> has(t, "letter.rendered", d -> true), Duration.ofSeconds(30));
        JsonObject letter = rendered(timeline);
        String id = letter.getString("attemptId");
        String batch = letter.getString("batch");

        // a read key may not see the letter: it shows the recipient's postal address (AddressMaskingTest)
        var pdf = harness.call(parley, HttpMethod.GET, "/v1/letters/" + id + ".pdf", ServiceHarness.ADMIN_KEY, null);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.getHeader("Content-Type"));
        String text = LetterFixtures.text(pdf.body().getBytes());
        assertTrue(text.contains(body.getJsonObject("debtor").getString("name")), text);
        assertTrue(text.contains("00000"), text);
        JsonObject open = batch(batch);
        assertEquals("open", open.getString("status"));
        assertEquals("queued", open.getJsonArray("items").getJsonObject(0).getString("status"));

        pastTheCutOff(open);
        timeline = harness.awaitTimeline(parley, "case-letter-101", t -> has(t, "attempt.sending",
                d -> "sms".equals(d.getString("channel")) && t.stream().anyMatch(e -> e.getString("kind")
                        .equals("letter.returned"))) && sends(t).size() == 4, Duration.ofSeconds(40));
        assertEquals(List.of("sms", "email", "letter", "sms"), sends(timeline));
        for (String kind : List.of("letter.handed_over", "letter.printed", "letter.mailed", "letter.returned")) {
            assertTrue(has(timeline, kind, d -> id.equals(d.getString("attemptId"))), kind + " on the timeline");
        }
        assertTrue(has(timeline, "letter.mailed", d -> d.getString("trackingRef").startsWith("SIMPOST")));
        assertTrue(has(timeline, "attempt.status", d -> "undelivered".equals(d.getString("status"))
                && "letter".equals(d.getString("channel"))));
        JsonObject closed = batch(batch);
        assertEquals("handed_over", closed.getString("status"));
        assertEquals("returned", closed.getJsonArray("items").getJsonObject(0).getString("status"));

        String debtorId = body.getJsonObject("debtor").getString("id");
        JsonObject debtor = harness.call(parley, HttpMethod.GET, "/v1/debtors/" + debtorId, ServiceHarness.READ_KEY,
                null).bodyAsJsonObject();
        JsonArray points = debtor.getJsonArray("contactPoints");
        assertTrue(points.stream().map(JsonObject.class::cast).anyMatch(p -> "letter".equals(p.getString("channel"))
                && "invalid".equals(p.getString("status"))), "the postal address is invalid: " + points);
    }

    @Test
    void aDisputeBeforeTheCutOffPullsTheLetterFromTheBatch() {
        enroll("case-letter-202", "letter-first", "10001");
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-letter-202",
                t -> has(t, "letter.rendered", d -> true), Duration.ofSeconds(30));
        JsonObject letter = rendered(timeline);
        var event = harness.post(parley, "/v1/cases/case-letter-202/events",
                new JsonObject().put("type", "dispute").put("reference", "D-7"));
        assertEquals(202, event.statusCode(), event.bodyAsString());

        pastTheCutOff(batch(letter.getString("batch")));
        // the pull is noted when the batch closes; the attempt's failure follows in a transaction of its own
        timeline = harness.awaitTimeline(parley, "case-letter-202", t -> has(t, "letter.pulled", d -> true)
                && has(t, "attempt.status", d -> "failed".equals(d.getString("status"))), Duration.ofSeconds(30));
        assertTrue(has(timeline, "letter.pulled", d -> d.getString("reason").contains("dispute")));
        assertTrue(has(timeline, "attempt.status", d -> "failed".equals(d.getString("status"))));
        JsonObject batch = batch(letter.getString("batch"));
        JsonObject item = batch.getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(i -> i.getString("id").equals(letter.getString("attemptId"))).findFirst().orElseThrow();
        assertEquals("pulled", item.getString("status"));
        ServiceHarness.sleep(1000);
        assertFalse(has(harness.timeline(parley, "case-letter-202"), "letter.handed_over", d -> true),
                "a pulled letter is never handed over");
    }

    @Test
    void anEnrollmentIntoALetterSequenceNeedsACompleteAddress() {
        JsonObject body = EnrollmentBodies.request("case-letter-303", "letter-first", "+16465550303",
                "x@example.com", TestZones.afternoon());
        body.getJsonObject("debtor").getJsonObject("address").remove("postalCode");
        var refused = harness.post(parley, "/v1/enrollments", body);
        assertEquals(422, refused.statusCode(), refused.bodyAsString());
        assertTrue(refused.bodyAsString().contains("debtor.address.postalCode"), refused.bodyAsString());
        assertEquals(400, harness.call(parley, HttpMethod.GET, "/v1/letters", ServiceHarness.READ_KEY, null)
                .statusCode());
        assertEquals(404, harness.call(parley, HttpMethod.GET, "/v1/letters?batch=2001-01-01",
                ServiceHarness.READ_KEY, null).statusCode());
        assertEquals(401, harness.call(parley, HttpMethod.GET, "/v1/letters?batch=2001-01-01", null, null)
                .statusCode());
    }

    /** Moves the test clock a minute past the batch's cut-off. */
    private static void pastTheCutOff(JsonObject batch) {
        java.time.Instant cutoff = java.time.Instant.parse(batch.getString("cutoffAt"));
        assertTrue(cutoff.isAfter(CLOCK.instant()), "the letter waits for its batch's cut-off");
        CLOCK.advance(Duration.between(CLOCK.instant(), cutoff).plusMinutes(1));
    }

    private static JsonObject batch(String batch) {
        var response = harness.call(parley, HttpMethod.GET, "/v1/letters?batch=" + batch, ServiceHarness.READ_KEY,
                null);
        assertEquals(200, response.statusCode(), response.bodyAsString());
        return response.bodyAsJsonObject();
    }

    private static List<String> sends(List<JsonObject> timeline) {
        return timeline.stream().filter(e -> e.getString("kind").equals("attempt.sending"))
                .map(e -> e.getJsonObject("data").getString("channel")).toList();
    }
}
