package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A step whose writes the database refuses (here a trigger refuses its attempt, as a constraint or data the database
 * cannot store would) fails every batch it is in. The steps enrolled with it still go, in smaller batches; the bad
 * step, once alone, is set aside for the claim lease instead of being claimed again at every poll, and is counted.
 * Without the smaller batches no text would go; without the setting aside the bad step would be tried every poll.
 */
class PoisonStepTest {
    private static final String BAD = "+16465550666";
    private final ServiceHarness harness = new ServiceHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void theOtherStepsGoAndTheRefusedOneIsSetAsideForTheLease() {
        Parley parley = harness.start(Map.of("paths.sequences",
                TestSequences.directory(TestSequences.ONE_TEXT).toString(), "dispatch.lease", "PT30S"));
        TestPostgres.execute(harness.database, """
                CREATE SEQUENCE refused_tries;
                CREATE FUNCTION refuse_attempt() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.contact_address = '%s' THEN
                    PERFORM nextval('refused_tries'); -- not undone by the rollback: counts every try
                    RAISE EXCEPTION 'attempt refused for this test';
                  END IF;
                  RETURN NEW;
                END $$""".formatted(BAD));
        TestPostgres.execute(harness.database, "CREATE TRIGGER refuse BEFORE INSERT ON attempt FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_attempt()");
        JsonArray batch = new JsonArray();
        Set<String> good = new java.util.TreeSet<>();
        for (int i = 0; i < 40; i++) {
            String phone = String.format("+164655507%02d", i);
            good.add(phone);
            batch.add(EnrollmentBodies.request("case-poison-" + i, "one-text", phone, null, TestZones.afternoon()));
        }
        batch.add(EnrollmentBodies.request("case-poison-bad", "one-text", BAD, null, TestZones.afternoon()));
        assertEquals(200, harness.call(parley, HttpMethod.POST, "/v1/enrollments/batch", ServiceHarness.ADMIN_KEY,
                batch.toBuffer()).statusCode());

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sentTo().size() < good.size() && System.nanoTime() < deadline) {
            ServiceHarness.sleep(50);
        }
        assertEquals(good, sentTo(), "every step enrolled with the refused one went, once");
        assertEquals(good.size(), harness.twilio.messages().size(), "nothing sent twice");

        deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (TestPostgres.number(harness.database, "SELECT count(*) FROM due_step WHERE lease_until > now() + "
                + "interval '20 seconds'") == 0 && System.nanoTime() < deadline) {
            ServiceHarness.sleep(50);
        }
        assertEquals(1, TestPostgres.number(harness.database, "SELECT count(*) FROM due_step ds JOIN enrollment e "
                + "ON e.id = ds.enrollment_id WHERE e.case_id = 'case-poison-bad' AND ds.phase = 'run' "
                + "AND ds.lease_until > now() + interval '20 seconds'"), "the refused step is set aside for the lease");
        long tries = tries();
        assertTrue(tries >= 2 && tries <= 12, "halved down to the refused step alone, not tried at every poll: "
                + tries);
        ServiceHarness.sleep(1_500); // six polls
        assertEquals(tries, tries(), "not tried again while set aside");
        String scrape = harness.call(parley, HttpMethod.GET, "/metrics", null, null).bodyAsString();
        assertTrue(scrape.contains("parley_dispatch_steps_set_aside_total 1.0"), "counted: " + scrape.lines()
                .filter(l -> l.contains("set_aside")).toList());
    }

    private long tries() {
        return TestPostgres.number(harness.database, "SELECT CASE WHEN is_called THEN last_value ELSE 0 END "
                + "FROM refused_tries");
    }

    private Set<String> sentTo() {
        return harness.twilio.messages().stream().map(m -> m.param("To")).collect(Collectors.toCollection(
                java.util.TreeSet::new));
    }
}
