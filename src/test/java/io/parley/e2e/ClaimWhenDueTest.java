package io.parley.e2e;

import io.parley.Parley;
import io.parley.simulator.twilio.SimulatedMessage;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A step enrolled to fall due shortly is claimed when it falls due, woken by the alarm its enrolment armed, not at
 * the poll (set to a minute here, so only the alarm can send it in time); an earlier enrolment re-arms the alarm.
 */
class ClaimWhenDueTest {
    private final ServiceHarness harness = new ServiceHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void stepsAreSentWhenTheyFallDueNotAtThePollAndAnEarlierEnrolmentReArmsTheAlarm() {
        Parley parley = harness.start(Map.of("paths.sequences",
                TestSequences.directory(TestSequences.ONE_TEXT).toString(), "dispatch.pollInterval", "PT60S"));
        ServiceHarness.sleep(300); // the rounds at start are over: from now on only the poll or the alarm claims
        Instant later = Instant.now().plusMillis(2_500);
        assertEquals(201, harness.post(parley, "/v1/enrollments", body("case-alarm-later", "+16465550401", later))
                .statusCode());
        Instant sooner = Instant.now().plusMillis(300);
        JsonArray batch = new JsonArray().add(body("case-alarm-sooner", "+16465550402", sooner));
        assertEquals(200, harness.call(parley, io.vertx.core.http.HttpMethod.POST, "/v1/enrollments/batch",
                ServiceHarness.ADMIN_KEY, batch.toBuffer()).statusCode());

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (harness.twilio.messages().size() < 2 && System.nanoTime() < deadline) {
            ServiceHarness.sleep(20);
        }
        List<SimulatedMessage> sent = harness.twilio.messages();
        assertEquals(2, sent.size(), "both texts went out long before the minute's poll");
        assertEquals("+16465550402", sent.get(0).param("To"), "the sooner step went first: it re-armed the alarm");
        SimulatedMessage first = sent.get(0);
        SimulatedMessage second = sent.get(1);
        assertFalse(first.receivedAt().isBefore(sooner), "never before the step falls due");
        assertFalse(second.receivedAt().isBefore(later), "never before the step falls due");
    }

    private static JsonObject body(String caseId, String phone, Instant startAt) {
        return EnrollmentBodies.request(caseId, "one-text", phone, null, TestZones.afternoon())
                .put("startAt", startAt.toString());
    }
}
