package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A burst of server errors from Twilio opens the SMS breaker: a step with a fallback channel takes it, a step without
 * waits for the breaker (its wait in the timeline) and is sent once it closes; the failed sends are never resent.
 */
class ProviderStormTest {
    private static final String TEXT_OR_MAIL = """
            name: text-or-mail
            version: 1
            stopOn: [payment_received]
            steps:
              - id: text
                channel: sms
                template: demo-sms-1
                at: { anchor: enrollment, after: PT0S }
                fallback: [{ channel: email, template: demo-email }]
            """;
    private ServiceHarness harness;

    @BeforeEach
    void start() {
        harness = new ServiceHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void anOpenBreakerSendsStepsToTheirFallbackOrMakesThemWait() {
        Parley parley = harness.start(Map.of(
                "paths.sequences", TestSequences.directory(TestSequences.ONE_TEXT, TEXT_OR_MAIL).toString(),
                "providers.breaker.minimumCalls", "3", "providers.breaker.window", "3",
                "providers.breaker.openFor", "PT4S"));
        harness.twilio.failNext(3, 500, null);
        for (int i = 0; i < 3; i++) {
            enroll(parley, "case-storm-" + i, "one-text", "+1646600000" + i, null);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (TestPostgres.number(harness.database, "SELECT count(*) FROM attempt WHERE status = 'unknown'") < 3) {
            assertTrue(System.nanoTime() < deadline, "the 500s leave their attempts unknown");
            ServiceHarness.sleep(50);
        }

        enroll(parley, "case-fallback", "text-or-mail", "+16466000010", "fallback@example.com");
        enroll(parley, "case-waits", "one-text", "+16466000011", null);
        List<JsonObject> fallback = harness.awaitTimeline(parley, "case-fallback", t -> has(t, "attempt.status",
                d -> "email".equals(d.getString("channel"))), Duration.ofSeconds(20));
        assertTrue(has(fallback, "decision", d -> d.getJsonArray("reasons").encode().contains("circuit open")),
                "the decision says why the SMS was passed over: " + fallback);
        assertEquals(0, textsTo("+16466000010"));

        List<JsonObject> waited = harness.awaitTimeline(parley, "case-waits", t -> has(t, "attempt.status",
                d -> "sms".equals(d.getString("channel"))), Duration.ofSeconds(30));
        assertTrue(has(waited, "decision", d -> "provider-unavailable".equals(d.getString("rule"))
                && d.getString("until") != null), "the wait for the provider is in the timeline: " + waited);
        assertEquals(1, textsTo("+16466000011"), "sent once the breaker let calls through again");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, textsTo("+1646600000" + i), "a 500 is never followed by a blind resend");
        }
    }

    private void enroll(Parley parley, String caseId, String sequence, String phone, String email) {
        var response = harness.post(parley, "/v1/enrollments", EnrollmentBodies.request(caseId, sequence, phone, email,
                TestZones.afternoon()));
        assertEquals(201, response.statusCode(), response.bodyAsString());
    }

    private long textsTo(String phone) {
        return harness.twilio.messages().stream().filter(m -> phone.equals(m.param("To"))).count();
    }
}
