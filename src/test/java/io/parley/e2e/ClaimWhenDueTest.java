package io.parley.e2e;

import io.parley.Parley;
import io.parley.simulator.twilio.SimulatedMessage;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPostgres;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        List<SimulatedMessage> sent = enrolAndAwaitTwoTexts(parley, batch);
        assertEquals(2, sent.size(), "both texts went out long before the minute's poll");
        assertEquals("+16465550402", sent.get(0).param("To"), "the sooner step went first: it re-armed the alarm");
        SimulatedMessage first = sent.get(0);
        SimulatedMessage second = sent.get(1);
        assertFalse(first.receivedAt().isBefore(sooner), "never before the step falls due");
        assertFalse(second.receivedAt().isBefore(later), "never before the step falls due");
    }

    @Test
    void aStepFallingDueWhileAnEarlierBatchIsWrittenIsClaimedAtItsTimeByAnotherRound() {
        Parley parley = harness.start(Map.of("paths.sequences",
                TestSequences.directory(TestSequences.ONE_TEXT).toString(), "dispatch.pollInterval", "PT60S"));
        // the first step's batch takes three seconds to write: its attempt's insert waits
        TestPostgres.execute(harness.database, """
                CREATE FUNCTION slow_attempt() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.contact_address = '+16465550403' THEN PERFORM pg_sleep(3); END IF;
                  RETURN NEW;
                END $$""");
        TestPostgres.execute(harness.database, "CREATE TRIGGER slow BEFORE INSERT ON attempt FOR EACH ROW "
                + "EXECUTE FUNCTION slow_attempt()");
        ServiceHarness.sleep(300);
        Instant first = Instant.now().plusMillis(400);
        Instant second = first.plusMillis(600);
        JsonArray batch = new JsonArray().add(body("case-slow-batch", "+16465550403", first))
                .add(body("case-due-meanwhile", "+16465550404", second));
        List<SimulatedMessage> sent = enrolAndAwaitTwoTexts(parley, batch);
        assertEquals(2, sent.size());
        assertEquals("+16465550404", sent.get(0).param("To"),
                "the step due meanwhile went while the slow batch was still being written");
        assertFalse(sent.get(0).receivedAt().isBefore(second), "never before the step falls due");
        assertTrue(sent.get(0).receivedAt().isBefore(first.plusSeconds(2)), "claimed at its time, not after the "
                + "slow batch: " + sent.get(0).receivedAt() + " for a step due at " + second);
    }

    /** Enrols the batch and waits (20 s at most) for two texts at the simulator; the texts in the order they came. */
    private List<SimulatedMessage> enrolAndAwaitTwoTexts(Parley parley, JsonArray batch) {
        assertEquals(200, harness.call(parley, io.vertx.core.http.HttpMethod.POST, "/v1/enrollments/batch",
                ServiceHarness.ADMIN_KEY, batch.toBuffer()).statusCode());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (harness.twilio.messages().size() < 2 && System.nanoTime() < deadline) {
            ServiceHarness.sleep(20);
        }
        return harness.twilio.messages();
    }

    private static JsonObject body(String caseId, String phone, Instant startAt) {
        return EnrollmentBodies.request(caseId, "one-text", phone, null, TestZones.afternoon())
                .put("startAt", startAt.toString());
    }
}
