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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-off steps end to end over HTTP and Postgres, under the shipped rule packs, at 13:00 in New York on a test
 * clock: the visit's lawful window, its outcomes and branches, its timeout, a dispute cancelling it, and an agency
 * placement holding Parley's own texts until the case is recalled.
 */
class HandoffTaskTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final MutableClock clock = new MutableClock();
    private ServiceHarness harness;

    @BeforeEach
    void start() {
        harness = new ServiceHarness();
        ZonedDateTime now = ZonedDateTime.now(NEW_YORK);
        ZonedDateTime onePm = now.toLocalDate().atTime(13, 0).atZone(NEW_YORK);
        clock.advance(Duration.between(now, onePm.isAfter(now) ? onePm : onePm.plusDays(1)));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private Parley parley(Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("paths.policies", "conf/policies",
                "handoff.pollInterval", "PT0.2S"));
        settings.putAll(extra);
        return harness.start(settings, clock);
    }

    /** A New York address and phone, but a stated zone of Los Angeles: two candidate zones. */
    private JsonObject enroll(Parley parley, String caseId, String sequence, String phone) {
        JsonObject body = EnrollmentBodies.request(caseId, sequence, phone, null, LOS_ANGELES);
        var response = harness.post(parley, "/v1/enrollments", body);
        assertEquals(201, response.statusCode(), response.bodyAsString());
        return response.bodyAsJsonObject();
    }

    private JsonObject task(Parley parley, String caseId) {
        List<JsonObject> timeline = harness.awaitTimeline(parley, caseId, t -> has(t, "task.created", d -> true), WAIT);
        return timeline.stream().filter(e -> e.getString("kind").equals("task.created")).findFirst().orElseThrow()
                .getJsonObject("data");
    }

    private io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> outcome(Parley parley, String taskId,
                                                                                       JsonObject body) {
        return harness.call(parley, HttpMethod.POST, "/v1/tasks/" + taskId + "/outcome", ServiceHarness.ADMIN_KEY, body);
    }

    @Test
    void aVisitGetsTheIntersectedWindowAndAPromiseBreaksIntoItsBranch() {
        Parley parley = parley(Map.of());
        enroll(parley, "case-visit-1", "demo-visit", "+16465550401");
        JsonObject task = task(parley, "case-visit-1");
        JsonObject window = task.getJsonObject("window");
        Instant from = Instant.parse(window.getString("from"));
        Instant until = Instant.parse(window.getString("until"));
        // us-regf visits 08:00-21:00 in New York (address, phone) and in Los Angeles (stated): New York closes first
        assertEquals(from.atZone(NEW_YORK).toLocalDate().atTime(21, 0).atZone(NEW_YORK).toInstant(), until);
        assertTrue(from.atZone(LOS_ANGELES).getHour() >= 8 && from.atZone(NEW_YORK).getHour() < 21, window.encode());
        assertEquals(2, window.getJsonArray("zones").size(), window.encode());
        assertEquals("1 Main St, New York, NY 10001, US".length() > 0, task.getString("address") != null);
        assertTrue(task.getString("instructions").contains("Alex Morgan"), task.encode());

        var listed = harness.call(parley, HttpMethod.GET, "/v1/tasks?caseId=case-visit-1&kind=visit&state=open",
                ServiceHarness.READ_KEY, null);
        assertEquals(200, listed.statusCode(), listed.bodyAsString());
        assertEquals(1, listed.bodyAsJsonObject().getJsonArray("tasks").size());
        String id = task.getString("taskId");

        JsonObject promised = new JsonObject().put("outcome", "promised").put("at", clock.instant().toString())
                .put("amount", "500.00").put("date", LocalDate.ofInstant(clock.instant(), NEW_YORK).plusDays(1).toString())
                .put("notes", "met at home");
        assertEquals(200, outcome(parley, id, promised).statusCode());
        assertEquals(200, outcome(parley, id, promised).statusCode(), "the same outcome again changes nothing");
        var other = outcome(parley, id, new JsonObject().put("outcome", "refused").put("at", clock.instant().toString()));
        assertEquals(409, other.statusCode(), other.bodyAsString());
        assertEquals(404, outcome(parley, java.util.UUID.randomUUID().toString(), promised).statusCode());
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-visit-1",
                t -> has(t, "enrollment.paused", d -> true) && has(t, "promise.recorded", d -> true), WAIT);
        assertEquals(1, ServiceHarness.count(timeline, "task.outcome", d -> true));
        assertFalse(has(timeline, "task.compliance_exception", d -> true));

        clock.advance(Duration.ofDays(4));
        harness.awaitTimeline(parley, "case-visit-1", t -> has(t, "promise.broken", d -> true)
                && has(t, "attempt.sending", d -> "sms".equals(d.getString("channel"))), WAIT);
    }

    @Test
    void notReachedOutsideTheWindowIsFlaggedAndTakesItsBranch() {
        Parley parley = parley(Map.of());
        enroll(parley, "case-visit-2", "demo-visit", "+16465550402");
        JsonObject task = task(parley, "case-visit-2");
        Instant late = Instant.parse(task.getJsonObject("window").getString("until")).plus(Duration.ofHours(1));
        var response = outcome(parley, task.getString("taskId"),
                new JsonObject().put("outcome", "not_reached").put("at", late.toString()));
        assertEquals(200, response.statusCode(), response.bodyAsString());
        assertTrue(response.bodyAsJsonObject().getJsonObject("outcome").getBoolean("outsideWindow"));
        harness.awaitTimeline(parley, "case-visit-2", t -> has(t, "task.compliance_exception", d -> true)
                && has(t, "attempt.sending", d -> "sms".equals(d.getString("channel"))), WAIT);
        var metrics = harness.call(parley, HttpMethod.GET, "/metrics", ServiceHarness.READ_KEY, null);
        assertTrue(metrics.bodyAsString().contains("parley_task_compliance_exceptions_total 1.0"));
    }

    @Test
    void aVisitWithoutAnOutcomeTimesOutAndADisputeCancelsAnOpenOne() {
        Parley parley = parley(Map.of());
        enroll(parley, "case-visit-3", "demo-visit", "+16465550403");
        enroll(parley, "case-visit-4", "demo-visit", "+16465550404");
        task(parley, "case-visit-3");
        task(parley, "case-visit-4");
        assertEquals(202, harness.post(parley, "/v1/cases/case-visit-4/events",
                new JsonObject().put("type", "dispute").put("reference", "D-4")).statusCode());
        harness.awaitTimeline(parley, "case-visit-4", t -> has(t, "task.closed",
                d -> "cancelled".equals(d.getString("state")) && d.getString("reason").contains("dispute")), WAIT);

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-visit-3", t -> has(t, "task.outcome",
                d -> "timeout".equals(d.getString("outcome")))
                && has(t, "attempt.sending", d -> "sms".equals(d.getString("channel"))), WAIT);
        assertFalse(has(timeline, "task.compliance_exception", d -> true), "a timeout is no visit out of hours");
    }

    @Test
    void aPlacedCaseGetsNoTextUntilItIsRecalled() {
        Parley parley = parley(Map.of("paths.sequences", TestSequences.directory("""
                name: place-then-text
                version: 1
                stopOn: [payment_received]
                steps:
                  - id: place
                    kind: agency
                    template: agency-placement
                    at: { anchor: enrollment, after: PT0S }
                  - id: text
                    channel: sms
                    template: demo-sms-1
                    at: { anchor: previous, after: PT1S }
                """).toString()));
        String phone = "+16465550405";
        enroll(parley, "case-placed", "place-then-text", phone);
        JsonObject task = task(parley, "case-placed");
        assertEquals("agency", task.getString("kind"));
        assertEquals("1234.50", task.getJsonObject("summary").getJsonObject("account").getString("balance"));
        harness.awaitTimeline(parley, "case-placed", t -> has(t, "decision",
                d -> "hold/agency".equals(d.getString("rule"))), WAIT);
        ServiceHarness.sleep(500);
        assertEquals(0, harness.twilio.messages().stream().filter(m -> phone.equals(m.param("To"))).count());

        // the recall brings the waiting text forward at once: no clock moves here
        assertEquals(202, harness.post(parley, "/v1/cases/case-placed/events",
                new JsonObject().put("type", "recall")).statusCode());
        harness.awaitTimeline(parley, "case-placed", t -> has(t, "attempt.sending",
                d -> "sms".equals(d.getString("channel"))), WAIT);
        List<JsonObject> timeline = harness.timeline(parley, "case-placed");
        assertTrue(has(timeline, "task.closed", d -> "recalled".equals(d.getString("state"))));
        assertTrue(has(timeline, "hold.lifted", d -> "agency".equals(d.getString("kind"))
                && d.getInteger("released", 0) == 1), timeline.toString());
    }
}
