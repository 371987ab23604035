package io.parley.e2e;

import io.parley.testing.ScratchDirs;
import io.parley.store.DatabaseTarget;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.ServiceProcess;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service on its own embedded PostgreSQL, killed with SIGKILL again and again while it takes enrollments and
 * sends: the server it started outlives it each time, and each restart on the same data directory still succeeds.
 */
class RestartTest {
    /** Ten kills in a row (-Dparley.restart.kills=N for another number). */
    private static final int KILLS = Integer.getInteger("parley.restart.kills", 10);
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
    void aServiceKilledUnderLoadRestartsOnItsDataDirectoryEveryTime() throws Exception {
        Path dataDir = ScratchDirs.create("parley-restart");
        Map<String, String> settings = Map.of("database.url", "", "data.dir", dataDir.toString(),
                "paths.sequences", TestSequences.directory(TestSequences.ONE_TEXT).toString(),
                "dispatch.sendingTimeout", "PT3S", "dispatch.batchSize", "50");
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger numbers = new AtomicInteger();
        Random random = new Random(14);
        int leftovers = 0;
        int starts = 0;
        for (int run = 0; run <= KILLS; run++) {
            ServiceProcess service = ServiceProcess.start(harness, settings); // fails the test if it cannot start
            starts++;
            AtomicBoolean loading = new AtomicBoolean(true);
            Thread load = new Thread(() -> enrollWhile(service, loading, numbers, accepted), "load");
            load.start();
            int before = accepted.size();
            long firstDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (accepted.size() == before && System.nanoTime() < firstDeadline) { // a loaded machine is slow
                ServiceHarness.sleep(20);
            }
            ServiceHarness.sleep(300 + random.nextInt(1200));
            if (run == KILLS) {
                loading.set(false);
                load.join();
                try {
                    awaitEachSentOrDue(accepted, dataDir.resolve("postgres"), Duration.ofSeconds(30));
                } finally {
                    service.close();
                }
                break;
            }
            service.kill();
            loading.set(false);
            load.join();
            if (leftoverServer(dataDir.resolve("postgres")).isPresent()) {
                leftovers++;
            }
        }
        assertEquals(KILLS + 1, starts, "every restart succeeded");
        assertTrue(leftovers > 0, "the embedded server outlived a killed service at least once (else the test "
                + "proves nothing)");
        assertTrue(accepted.size() > KILLS, "enrollments were taken between kills: " + accepted.size());
        Map<String, Long> sent = harness.twilio.messages().stream().map(m -> m.param("To"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> twice = sent.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), twice, "no number texted twice");
    }

    private static void enrollWhile(ServiceProcess service, AtomicBoolean loading, AtomicInteger numbers,
                                    Set<String> accepted) {
        while (loading.get()) {
            String phone = String.format("+1646%07d", 3_000_000 + numbers.incrementAndGet());
            String body = EnrollmentBodies.request("case-" + phone.substring(1), "one-text", phone, null,
                    TestZones.afternoon()).encode();
            try {
                if (service.post("/v1/enrollments", body) == 201) {
                    accepted.add(phone);
                }
            } catch (UncheckedIOException killedMidRequest) {
                return;
            }
        }
    }

    /**
     * Every accepted enrollment is texted, or its step waits to run again (an attempt found never to have reached
     * the provider runs again after a back-off): nothing accepted is lost.
     */
    private void awaitEachSentOrDue(Set<String> accepted, Path postgresDir, Duration within) throws IOException {
        int port = Integer.parseInt(Files.readAllLines(postgresDir.resolve("postmaster.pid")).get(3).trim());
        DatabaseTarget db = new DatabaseTarget("localhost", port, "postgres", "postgres", null);
        long deadline = System.nanoTime() + within.toNanos();
        Set<String> missing = Set.of();
        while (System.nanoTime() < deadline) {
            Set<String> sent = harness.twilio.messages().stream().map(m -> m.param("To")).collect(Collectors.toSet());
            missing = accepted.stream().filter(p -> !sent.contains(p)).filter(p -> TestPostgres.number(db,
                    "SELECT count(*) FROM due_step d JOIN enrollment e ON e.id = d.enrollment_id WHERE d.runnable "
                            + "AND e.case_id = 'case-" + p.substring(1) + "'") == 0).collect(Collectors.toSet());
            if (missing.isEmpty()) {
                return;
            }
            ServiceHarness.sleep(250);
        }
        throw new AssertionError(missing.size() + " accepted enrollments neither texted nor due, e.g. "
                + missing.stream().limit(5).toList());
    }

    /** The live postgres named in the data directory's postmaster.pid, if any. */
    private static Optional<ProcessHandle> leftoverServer(Path postgresDir) {
        try {
            List<String> lines = Files.readAllLines(postgresDir.resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
