package io.parley.e2e;

import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.ServiceProcess;
import io.parley.testing.SimulatorProcess;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service as a child JVM on PostgreSQL, the Twilio simulator in a JVM of its own, a few thousand steps falling
 * due while enrollments still come in, and the service killed with SIGKILL at random points several times and
 * started again: every step ends sent exactly once (an attempt left without an answer is reconciled with the
 * simulator, never sent again), no debtor gets more than the one text the sequence allows, and nothing is lost,
 * counted from the database and from the simulator's own list of what it received.
 */
class CrashTest {
    private static final int STEPS = Integer.getInteger("parley.crash.steps", 2000);
    private static final int KILLS = 3;
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
    void killedAtRandomUnderLoadEveryStepIsSentExactlyOnce() throws Exception {
        try (SimulatorProcess twilio = SimulatorProcess.start(Duration.ofMillis(200))) {
            Map<String, String> settings = new HashMap<>(twilio.smsSettings());
            settings.put("paths.sequences", TestSequences.directory(TestSequences.ONE_TEXT).toString());
            settings.put("dispatch.batchSize", "100");
            settings.put("dispatch.lease", "PT5S");
            settings.put("dispatch.sendingTimeout", "PT5S");
            settings.put("database.poolSize", "6");
            AtomicReference<ServiceProcess> service = new AtomicReference<>(ServiceProcess.start(harness, settings));
            AtomicInteger next = new AtomicInteger();
            ExecutorService enrolling = Executors.newFixedThreadPool(6);
            for (int t = 0; t < 6; t++) {
                enrolling.submit(() -> enrollUntilDone(service, next));
            }
            enrolling.shutdown();
            Random random = new Random(5);
            try {
                for (int kill = 0; kill < KILLS; kill++) {
                    ServiceHarness.sleep(1500 + random.nextInt(4000));
                    service.get().kill();
                    service.set(ServiceProcess.start(harness, settings));
                }
                assertTrue(enrolling.awaitTermination(3, TimeUnit.MINUTES), "every enrollment accepted");
                awaitSettled(twilio, Duration.ofMinutes(4));
            } finally {
                enrolling.shutdownNow();
                service.get().close();
            }

            Set<String> phones = new HashSet<>();
            for (int i = 0; i < STEPS; i++) {
                phones.add(phone(i));
            }
            Map<String, Long> received = twilio.recipients().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(phones, received.keySet(), "the simulator received a text for every step, and no other");
            assertEquals(List.of(), received.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .limit(10).toList(), "no number received two");
            assertEquals(STEPS, TestPostgres.number(harness.database, "SELECT count(*) FROM enrollment"));
            assertEquals(STEPS, TestPostgres.number(harness.database,
                    "SELECT count(DISTINCT case_id) FROM attempt WHERE status <> 'failed'"), "one attempt made each");
            assertEquals(1, TestPostgres.number(harness.database, "SELECT coalesce(max(n), 1) FROM (SELECT count(*) n "
                    + "FROM attempt WHERE status <> 'failed' GROUP BY debtor_id) made"), "caps hold: one text each");
        }
    }

    private void awaitSettled(SimulatorProcess twilio, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        String doubt = "SELECT count(*) FROM attempt WHERE status IN ('sending', 'unknown')";
        while (System.nanoTime() < deadline) {
            long made = TestPostgres.number(harness.database,
                    "SELECT count(DISTINCT case_id) FROM attempt WHERE status NOT IN ('failed', 'sending', 'unknown')");
            if (made == STEPS && TestPostgres.number(harness.database, doubt) == 0) {
                return;
            }
            ServiceHarness.sleep(1000);
        }
        throw new AssertionError("not settled within " + within + ": " + TestPostgres.number(harness.database, doubt)
                + " attempts still in doubt, " + twilio.recipients().size() + " texts at the simulator");
    }

    /** Takes the next case and enrolls it, again with the same Idempotency-Key while the service is down. */
    private static void enrollUntilDone(AtomicReference<ServiceProcess> service, AtomicInteger next) {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = next.getAndIncrement(); i < STEPS; i = next.getAndIncrement()) {
            String body = EnrollmentBodies.request("case-crash-" + i, "one-text", phone(i), null,
                    TestZones.afternoon()).encode();
            while (true) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + service.get().port() + "/v1/enrollments")).timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + ServiceHarness.ADMIN_KEY)
                            .header("Content-Type", "application/json").header("Idempotency-Key", "crash-" + i)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 201 || r.statusCode() == 200) {
                        break;
                    }
                    if (r.statusCode() < 500) {
                        throw new AssertionError("enrollment " + i + " refused: " + r.statusCode() + " " + r.body());
                    }
                } catch (IOException killed) {
                    // the service was killed under this request: the same request again, once it is back
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                ServiceHarness.sleep(200);
            }
        }
    }

    private static String phone(int i) {
        return String.format("+1646%07d", 6_000_000 + i);
    }
}
