package io.parley.e2e;

import io.parley.testing.ScratchDirs;
import io.parley.FreePorts;
import io.parley.Parley;
import io.parley.store.DatabaseTarget;
import io.parley.store.EmbeddedDatabase;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.MutableClock;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stopped under a running service for 30 seconds of real time, then started again: meanwhile the API and
 * the webhooks answer 503 with Retry-After (never a hang, never a 500), readiness is false and dispatch waits;
 * afterwards everything resumes and nothing is lost or sent twice. The service's clock sees the same 30 s (leases of
 * claimed steps, the default 30 s, due times, timeouts of attempts without an answer), and the database client's own
 * reconnection runs through the whole real outage.
 */
class DatabaseOutageTest {
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration OUTAGE_REAL = OUTAGE;
    private final MutableClock clock = new MutableClock();
    private ServiceHarness harness;
    private EmbeddedDatabase postgres;

    @BeforeEach
    void start() {
        harness = new ServiceHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void whileTheDatabaseIsDownCallersAreToldToComeBackAndNothingIsLost() throws Exception {
        Path dataDir = ScratchDirs.create("parley-outage-pg");
        int port = FreePorts.pick();
        postgres = EmbeddedDatabase.start(dataDir, port, false);
        DatabaseTarget db = postgres.target();
        Parley parley = harness.start(Map.of("database.url", TestPostgres.url(db),
                "paths.sequences", TestSequences.directory(TestSequences.ONE_TEXT).toString(),
                "dispatch.sendingTimeout", "PT3S"), clock); // the default lease: 30 s
        Set<String> accepted = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            accepted.add(enroll(parley, i, 201));
        }
        awaitTexted(Set.of(accepted.iterator().next()), Duration.ofSeconds(20)); // dispatch is under way

        postgres.close();
        long downAt = System.nanoTime();
        Instant clockDownAt = clock.instant();
        int i = 100;
        while (System.nanoTime() - downAt < OUTAGE_REAL.toNanos()) {
            long asked = System.nanoTime();
            HttpResponse<Buffer> enrolled = post(parley, i++);
            assertUnavailable(enrolled);
            assertTrue(System.nanoTime() - asked < Duration.ofSeconds(10).toNanos(), "answered without hanging");
            assertUnavailable(harness.call(parley, HttpMethod.GET, "/v1/cases/case-outage-0/timeline",
                    ServiceHarness.ADMIN_KEY, null));
            assertEquals(503, harness.call(parley, HttpMethod.GET, "/health/ready", null, null).statusCode());
            int webhook = ServiceHarness.get(harness.twilio.sendInboundSms(
                    parley.publicBaseUrl() + "/webhooks/twilio/sms/inbound", "+16465550999", "+15005550006", "hi"));
            assertEquals(503, webhook, "an inbound webhook is refused so that the provider retries");
            ServiceHarness.sleep(500);
        }
        int textedDuringOutage = harness.twilio.messages().size();
        ServiceHarness.sleep(1000);
        assertEquals(textedDuringOutage, harness.twilio.messages().size(), "dispatch waits while the database is down");
        Duration down = Duration.between(clockDownAt, clock.instant());
        if (down.compareTo(OUTAGE) < 0) {
            clock.advance(OUTAGE.minus(down));
        }
        assertTrue(Duration.between(clockDownAt, clock.instant()).compareTo(OUTAGE) >= 0, "down for 30 s or more");

        postgres = EmbeddedDatabase.start(dataDir, port, false);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (harness.call(parley, HttpMethod.GET, "/health/ready", null, null).statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "ready again once the database is back");
            ServiceHarness.sleep(200);
        }
        for (int j = 200; j < 210; j++) {
            accepted.add(enroll(parley, j, 201));
        }
        awaitTexted(accepted, Duration.ofSeconds(60));
        List<String> sent = harness.twilio.messages().stream().map(m -> m.param("To")).filter(accepted::contains)
                .toList();
        assertEquals(accepted.size(), sent.size(), "each accepted enrollment texted once");
        // answers that came while the database was down leave their attempts SENDING until the reconciler asks
        // Twilio (well after the outage): they stay counted, one each, and are never sent again
        assertEquals(accepted.size(), TestPostgres.number(db, "SELECT count(*) FROM attempt"), "one attempt each");
    }

    private static void assertUnavailable(HttpResponse<Buffer> response) {
        assertEquals(503, response.statusCode(), response.bodyAsString());
        assertEquals("application/problem+json", response.getHeader("Content-Type"));
        assertTrue(Integer.parseInt(response.getHeader("Retry-After")) > 0);
    }

    private String enroll(Parley parley, int i, int expected) {
        HttpResponse<Buffer> response = post(parley, i);
        assertEquals(expected, response.statusCode(), response.bodyAsString());
        return phone(i);
    }

    private HttpResponse<Buffer> post(Parley parley, int i) {
        return harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("case-outage-" + i, "one-text",
                phone(i), null, TestZones.afternoon()));
    }

    private static String phone(int i) {
        return String.format("+1646%07d", 5_000_000 + i);
    }

    private void awaitTexted(Set<String> phones, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> sent = new HashSet<>();
            harness.twilio.messages().forEach(m -> sent.add(m.param("To")));
            if (sent.containsAll(phones)) {
                return;
            }
            ServiceHarness.sleep(100);
        }
        throw new AssertionError("not all texted within " + within);
    }
}
