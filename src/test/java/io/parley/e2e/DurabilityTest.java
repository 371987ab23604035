package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.ServiceProcess;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Restarts, crashes and several instances on one database: every step runs once, nothing is sent twice. */
class DurabilityTest {
    private ServiceHarness harness;

    @BeforeEach
    void start() {
        harness = new ServiceHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private long textsTo(String phone) {
        return harness.twilio.messages().stream().filter(m -> phone.equals(m.param("To"))).count();
    }

    @Test
    void aRestartMidSequenceContinuesWithoutADuplicate() {
        Parley first = harness.start(Map.of());
        String phone = "+16465550201";
        var created = harness.post(first, "/v1/enrollments",
                EnrollmentBodies.request("case-restart", "demo", phone, "restart@example.com", TestZones.afternoon()));
        assertEquals(201, created.statusCode(), created.bodyAsString());
        harness.awaitTimeline(first, "case-restart", t -> has(t, "attempt.status",
                d -> "delivered".equals(d.getString("status"))), Duration.ofSeconds(20));
        harness.stop(first);

        Parley second = harness.start(Map.of());
        harness.awaitTimeline(second, "case-restart", t -> has(t, "enrollment.completed", d -> true),
                Duration.ofSeconds(40));
        assertEquals(2, textsTo(phone), "each text once");
        assertEquals(1, TestPostgres.number(harness.database,
                "SELECT count(*) FROM attempt WHERE channel = 'email' AND case_id = 'case-restart'"));
    }

    @Test
    void anInstanceKilledMidSendNeverResendsAndTheSequenceMovesOn() {
        harness.twilio.latency(Duration.ofSeconds(4)); // the message is taken at once, the answer comes late
        ServiceProcess doomed = ServiceProcess.start(harness, Map.of("dispatch.outcomeTimeout", "PT6S"));
        String phone = "+16465550202";
        try {
            var response = harness.http.post(doomed.port(), "127.0.0.1", "/v1/enrollments")
                    .putHeader("Authorization", "Bearer " + ServiceHarness.ADMIN_KEY)
                    .sendJsonObject(EnrollmentBodies.request("case-crash", "demo", phone, "crash@example.com",
                            TestZones.afternoon()));
            assertEquals(201, ServiceHarness.get(response).statusCode());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (textsTo(phone) == 0 && System.nanoTime() < deadline) {
                ServiceHarness.sleep(20);
            }
            assertEquals(1, textsTo(phone), "the provider has the first text");
        } finally {
            doomed.kill(); // before Twilio's answer reaches it: the attempt is left SENDING
        }
        harness.twilio.latency(Duration.ZERO);
        assertEquals(1, TestPostgres.number(harness.database, "SELECT count(*) FROM attempt WHERE status = 'sending'"));

        Parley survivor = harness.start(Map.of("dispatch.sendingTimeout", "PT2S"));
        List<JsonObject> timeline = harness.awaitTimeline(survivor, "case-crash",
                t -> has(t, "enrollment.completed", d -> true), Duration.ofSeconds(60));
        assertTrue(has(timeline, "attempt.unknown", d -> "sms".equals(d.getString("channel"))), "outcome unknown");
        assertEquals(2, textsTo(phone), "the first text was never sent again; the last step still ran");
        assertEquals(3, TestPostgres.number(harness.database,
                "SELECT count(*) FROM attempt WHERE case_id = 'case-crash'"));
    }

    @Test
    void twoProcessesShareAThousandDueStepsAndSendEachOnce() {
        Path sequences = TestSequences.directory(TestSequences.ONE_TEXT);
        Map<String, String> shared = Map.of("paths.sequences", sequences.toString(), "dispatch.batchSize", "50");
        Parley inProcess = harness.start(shared);
        try (ServiceProcess other = ServiceProcess.start(harness, shared)) {
            int n = 1000;
            Instant startAt = Instant.now().plusSeconds(25); // every step falls due at the same moment
            List<Future<?>> posts = new ArrayList<>();
            Set<String> phones = new HashSet<>();
            for (int i = 0; i < n; i++) {
                String phone = String.format("+1646%07d", 2_000_000 + i);
                phones.add(phone);
                JsonObject body = EnrollmentBodies.request("case-share-" + i, "one-text", phone, null,
                        TestZones.afternoon()).put("startAt", startAt.toString());
                posts.add(harness.http.post(inProcess.port(), "127.0.0.1", "/v1/enrollments")
                        .putHeader("Authorization", "Bearer " + ServiceHarness.ADMIN_KEY).sendJsonObject(body)
                        .map(r -> {
                            if (r.statusCode() != 201) {
                                throw new AssertionError(r.bodyAsString());
                            }
                            return r;
                        }));
                if (posts.size() == 25) {
                    ServiceHarness.get(Future.all(posts));
                    posts.clear();
                }
            }
            ServiceHarness.get(Future.all(posts));
            assertTrue(Instant.now().isBefore(startAt), "all enrolled before they fell due");

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (sentTo(phones) < n && System.nanoTime() < deadline) {
                ServiceHarness.sleep(250);
            }
            ServiceHarness.sleep(2000); // anything sent twice would show by now
            List<String> sent = harness.twilio.messages().stream().map(m -> m.param("To"))
                    .filter(phones::contains).toList();
            assertEquals(n, sent.size(), "every step sent");
            assertEquals(n, new HashSet<>(sent).size(), "no step sent twice");
            assertEquals(n, TestPostgres.number(harness.database, "SELECT count(*) FROM attempt"));

            double mine = claimed(harness.call(inProcess, io.vertx.core.http.HttpMethod.GET, "/metrics", null, null)
                    .bodyAsString());
            double theirs = claimed(other.get("/metrics"));
            assertTrue(mine > 0 && theirs > 0, "both processes took work: " + mine + " and " + theirs);
        }
    }

    private long sentTo(Set<String> phones) {
        return harness.twilio.messages().stream().filter(m -> phones.contains(m.param("To"))).count();
    }

    private static double claimed(String metrics) {
        Matcher m = Pattern.compile("(?m)^parley_dispatch_claimed_total(?:\\{[^}]*})? ([0-9.eE+]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
