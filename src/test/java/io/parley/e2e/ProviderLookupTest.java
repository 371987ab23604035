package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An SMS whose answer never came (the request timed out after Twilio took it) is UNKNOWN; it is then looked up at
 * the provider and takes its real status, instead of waiting for the outcome timeout (its status callbacks never
 * arrive here). Nothing is sent twice.
 */
class ProviderLookupTest {
    private final ServiceHarness harness = new ServiceHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void anUnknownTextIsLookedUpAndTakesItsRealStatus() {
        harness.twilio.latency(Duration.ofSeconds(3)); // the message is taken at once, the answer comes too late
        Parley parley = harness.start(Map.of("paths.sequences",
                TestSequences.directory(TestSequences.ONE_TEXT).toString(), "sms.timeout", "PT1S",
                // status callbacks go nowhere: only asking the provider can tell what became of the text
                "public.baseUrl", "http://127.0.0.1:9"));
        String phone = "+16465550177";
        assertEquals(201, harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-lookup", "one-text",
                phone, null, TestZones.afternoon())).statusCode());
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-lookup",
                t -> has(t, "attempt.status", d -> "delivered".equals(d.getString("status"))), Duration.ofSeconds(90));
        harness.twilio.latency(Duration.ZERO);
        assertTrue(has(timeline, "attempt.unknown", d -> true), "unknown first: " + timeline);
        assertTrue(has(timeline, "enrollment.completed", d -> true) || harness.awaitTimeline(parley, "case-lookup",
                t -> has(t, "enrollment.completed", d -> true), Duration.ofSeconds(20)) != null);
        assertEquals(1, harness.twilio.messages().stream().filter(m -> phone.equals(m.param("To"))).count(),
                "sent once");
        assertEquals(1, TestPostgres.number(harness.database,
                "SELECT count(*) FROM attempt WHERE status = 'delivered' AND provider_ref IS NOT NULL"));
    }
}
