package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.ServiceProcess;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SIGTERM under load: readiness turns false at once, the sends under way finish, the process exits 0. */
class DrainTest {
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
    void sigtermUnderLoadFinishesTheSendsUnderWayAndLeavesNothingUnknown() {
        int n = 300;
        Map<String, String> settings = Map.of(
                "paths.sequences", TestSequences.directory(TestSequences.ONE_TEXT).toString(),
                "dispatch.batchSize", "50", "shutdown.grace", "PT40S");
        harness.twilio.latency(Duration.ofMillis(700)); // each message is taken at once, its answer comes late
        Set<String> phones = new HashSet<>();
        ServiceProcess service = ServiceProcess.start(harness, settings);
        try {
            java.time.Instant startAt = java.time.Instant.now().plusSeconds(15); // all fall due together
            io.vertx.core.json.JsonArray batch = new io.vertx.core.json.JsonArray();
            for (int i = 0; i < n; i++) {
                String phone = String.format("+1646%07d", 4_000_000 + i);
                phones.add(phone);
                batch.add(EnrollmentBodies.request("case-drain-" + i, "one-text", phone, null, TestZones.afternoon())
                        .put("startAt", startAt.toString()));
            }
            assertEquals(200, service.post("/v1/enrollments/batch", batch.encode())); // one request: quick under load
            assertEquals(n, TestPostgres.number(harness.database, "SELECT count(*) FROM enrollment"),
                    "every enrollment of the batch was taken");
            assertTrue(java.time.Instant.now().isBefore(startAt), "all enrolled before they fell due");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (TestPostgres.number(harness.database, "SELECT count(*) FROM attempt WHERE status = 'sending'") < 20
                    && System.nanoTime() < deadline) {
                ServiceHarness.sleep(20);
            }
            long sending = TestPostgres.number(harness.database,
                    "SELECT count(*) FROM attempt WHERE status = 'sending'");
            assertTrue(sending >= 20, "sends are under way when the SIGTERM comes: " + sending);

            AtomicBoolean sawDraining = new AtomicBoolean();
            Thread probe = new Thread(() -> {
                while (service.alive() && !sawDraining.get()) {
                    try {
                        if (service.get("/health/ready").contains("draining")) {
                            sawDraining.set(true);
                        }
                    } catch (UncheckedIOException closed) {
                        return;
                    }
                }
            }, "readiness-probe");
            int exit;
            long terminatedAt = System.nanoTime();
            probe.start();
            exit = service.terminate(Duration.ofSeconds(60));
            long drainMillis = (System.nanoTime() - terminatedAt) / 1_000_000;
            assertEquals(0, exit, "exit status after SIGTERM:\n" + service.log());
            assertTrue(sawDraining.get(), "readiness answered 'draining' while the instance drained");
            assertTrue(drainMillis >= 500, "the exit waited for the answers under way: " + drainMillis + " ms");
        } finally {
            service.kill();
        }
        assertEquals(0, TestPostgres.number(harness.database,
                "SELECT count(*) FROM attempt WHERE status IN ('sending', 'unknown')"), "no attempt left without an answer");
        assertEquals(TestPostgres.number(harness.database, "SELECT count(*) FROM attempt"),
                harness.twilio.messages().stream().filter(m -> phones.contains(m.param("To"))).count(),
                "every attempt the database holds reached the provider");

        harness.twilio.latency(Duration.ZERO);
        Parley next = harness.start(settings);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (sentTo(phones).size() < n && System.nanoTime() < deadline) {
            ServiceHarness.sleep(200);
        }
        List<String> sent = harness.twilio.messages().stream().map(m -> m.param("To")).filter(phones::contains)
                .toList();
        assertEquals(n, sent.size(), "the next start sent the rest, and nothing twice");
        assertEquals(n, new HashSet<>(sent).size());
        harness.stop(next);
    }

    private Set<String> sentTo(Set<String> phones) {
        Set<String> sent = new HashSet<>();
        harness.twilio.messages().forEach(m -> {
            if (phones.contains(m.param("To"))) {
                sent.add(m.param("To"));
            }
        });
        return sent;
    }
}
