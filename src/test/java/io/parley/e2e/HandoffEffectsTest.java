package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.MutableClock;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestSequences;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What hand-off steps do beyond their own task, over HTTP and Postgres at 13:00 in New York on a test clock: the
 * preview plans a visit with its lawful window, a legal referral ends the case's open sequences, and a visit that
 * finds the address invalid marks it so.
 */
class HandoffEffectsTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final MutableClock clock = new MutableClock();
    private ServiceHarness harness;
    private Parley parley;

    @BeforeEach
    void start() {
        harness = new ServiceHarness();
        ZonedDateTime now = ZonedDateTime.now(NEW_YORK);
        ZonedDateTime onePm = now.toLocalDate().atTime(13, 0).atZone(NEW_YORK);
        clock.advance(Duration.between(now, onePm.isAfter(now) ? onePm : onePm.plusDays(1)));
        parley = harness.start(Map.of("paths.policies", "conf/policies", "paths.sequences",
                TestSequences.directory("""
                        name: refer
                        version: 1
                        stopOn: [payment_received]
                        steps:
                          - id: refer
                            kind: legal
                            template: legal-referral
                            at: { anchor: enrollment, after: PT0S }
                          - id: text
                            channel: sms
                            template: demo-sms-1
                            at: { anchor: previous, after: PT1M }
                        """, """
                        name: later-text
                        version: 1
                        stopOn: [payment_received]
                        steps:
                          - id: text
                            channel: sms
                            template: demo-sms-1
                            at: { anchor: enrollment, after: PT1H }
                        """, """
                        name: visit-only
                        version: 1
                        stopOn: [payment_received]
                        steps:
                          - id: visit
                            kind: visit
                            template: visit-m2
                            at: { anchor: enrollment, after: PT0S }
                        """).toString()), clock);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private void enroll(String caseId, String sequence) {
        JsonObject body = EnrollmentBodies.request(caseId, sequence, "+16465550501", null, NEW_YORK);
        var response = harness.post(parley, "/v1/enrollments", body);
        assertEquals(201, response.statusCode(), response.bodyAsString());
    }

    @Test
    void thePreviewPlansAVisitWithItsLawfulWindow() {
        JsonObject body = EnrollmentBodies.request("case-preview", "visit-only", "+16465550501", null, NEW_YORK);
        body.remove("sequence");
        body.put("startAt", clock.instant().toString());
        var response = harness.post(parley, "/v1/sequences/visit-only/preview", body);
        assertEquals(200, response.statusCode(), response.bodyAsString());
        JsonObject visit = response.bodyAsJsonObject().getJsonArray("calendar").getJsonObject(0);
        assertEquals("visit", visit.getString("channel"), visit.encode());
        Instant until = Instant.parse(visit.getJsonObject("window").getString("until"));
        assertEquals(21, until.atZone(NEW_YORK).getHour(), visit.encode());
    }

    @Test
    void aLegalReferralEndsTheCasesOpenSequences() {
        enroll("case-legal", "later-text");
        enroll("case-legal", "refer");
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-legal",
                t -> ServiceHarness.count(t, "enrollment.stopped",
                        d -> d.getString("reason").startsWith("referred to legal")) == 2, WAIT);
        assertTrue(has(timeline, "task.created", d -> "legal".equals(d.getString("kind"))));
        clock.advance(Duration.ofHours(2));
        ServiceHarness.sleep(1000);
        assertEquals(0, harness.twilio.messages().stream().filter(m -> "+16465550501".equals(m.param("To"))).count());
    }

    @Test
    void aVisitThatFindsTheAddressInvalidMarksIt() {
        enroll("case-address", "visit-only");
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-address",
                t -> has(t, "task.created", d -> true), WAIT);
        String taskId = timeline.stream().filter(e -> e.getString("kind").equals("task.created")).findFirst()
                .orElseThrow().getJsonObject("data").getString("taskId");
        var answer = harness.call(parley, HttpMethod.POST, "/v1/tasks/" + taskId + "/outcome", ServiceHarness.ADMIN_KEY,
                new JsonObject().put("outcome", "address_invalid").put("at", clock.instant().toString())
                        .put("notes", "no such house number"));
        assertEquals(200, answer.statusCode(), answer.bodyAsString());
        harness.awaitTimeline(parley, "case-address", t -> has(t, "contact.invalid", d -> true)
                && has(t, "enrollment.completed", d -> true), WAIT);
        var debtor = harness.call(parley, HttpMethod.GET, "/v1/debtors/debtor-case-address", ServiceHarness.READ_KEY,
                null).bodyAsJsonObject();
        assertTrue(debtor.encode().contains("\"invalid\""), debtor.encode());
        var bad = harness.call(parley, HttpMethod.POST, "/v1/tasks/" + taskId + "/outcome", ServiceHarness.ADMIN_KEY,
                new JsonObject().put("outcome", "promised").put("at", clock.instant().toString()));
        assertEquals(400, bad.statusCode(), bad.bodyAsString());
    }
}
