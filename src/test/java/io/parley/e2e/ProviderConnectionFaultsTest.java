package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.MutableClock;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connection faults from the Twilio simulator against the running service. A connection reset after the request
 * went out leaves the attempt UNKNOWN whether or not Twilio took the text: it is never resent blindly, but looked
 * up at the provider (the reconciler, moved on by the test clock), which settles it as sent when Twilio has it and
 * runs the step again when Twilio has not. A connection refused before anything was sent is simply tried again.
 * Every text reaches Twilio exactly once.
 */
class ProviderConnectionFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final MutableClock clock = new MutableClock();
    private final ServiceHarness harness = new ServiceHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    private Parley start() {
        return harness.start(Map.of("paths.sequences", TestSequences.directory(TestSequences.ONE_TEXT).toString(),
                "dispatch.sendingTimeout", "PT2S", // the reconciler goes round every half second
                // status callbacks go nowhere: only asking the provider can tell what became of a text
                "public.baseUrl", "http://127.0.0.1:9"), clock);
    }

    private void enroll(Parley parley, String caseId, String phone) {
        assertEquals(201, harness.post(parley, "/v1/enrollments", EnrollmentBodies.request(caseId, "one-text",
                phone, null, TestZones.afternoon())).statusCode());
    }

    private long texts(String phone) {
        return harness.twilio.messages().stream().filter(m -> phone.equals(m.param("To"))).count();
    }

    @Test
    void aResetAfterTheRequestWentOutIsUnknownThenReconciledNeverResent() {
        Parley parley = start();
        String taken = "+16465550301";
        String lost = "+16465550302";
        harness.twilio.resetNext(1, true); // Twilio takes the text, the answer never comes back
        enroll(parley, "case-reset-taken", taken);
        harness.awaitTimeline(parley, "case-reset-taken", t -> has(t, "attempt.unknown", d -> true), WAIT);
        harness.twilio.resetNext(1, false); // the connection drops before Twilio reads the request
        enroll(parley, "case-reset-lost", lost);
        harness.awaitTimeline(parley, "case-reset-lost", t -> has(t, "attempt.unknown", d -> true), WAIT);
        assertEquals(1, texts(taken));
        assertEquals(0, texts(lost));

        clock.advance(Duration.ofSeconds(31)); // past the wait before an unknown attempt is looked up
        // Twilio's status of the text when it is looked up: queued (the simulator moves a text on only once its
        // status callback is given up on, and here they go nowhere), sent, or delivered by then
        harness.awaitTimeline(parley, "case-reset-taken",
                t -> has(t, "attempt.status", d -> d.getString("providerRef") != null), WAIT);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (TestPostgres.number(harness.database, "SELECT count(*) FROM attempt WHERE case_id = 'case-reset-lost'"
                + " AND error_code = 'not_at_provider'") == 0 && System.nanoTime() < deadline) {
            ServiceHarness.sleep(100);
        }
        clock.advance(Duration.ofSeconds(61)); // past the pause before a step that sent nothing runs again
        while ((texts(lost) == 0 || TestPostgres.number(harness.database, "SELECT count(*) FROM attempt WHERE case_id"
                + " = 'case-reset-lost' AND provider_ref IS NOT NULL") == 0) && System.nanoTime() < deadline) {
            ServiceHarness.sleep(100);
        }
        assertEquals(1, TestPostgres.number(harness.database, "SELECT count(*) FROM attempt WHERE case_id = "
                + "'case-reset-lost' AND error_code = 'not_at_provider'"), "Twilio had no such text: it was not sent");
        assertEquals(1, texts(lost), "sent again, once, after the lookup");
        assertEquals(1, texts(taken), "never sent twice");
        assertEquals(1, TestPostgres.number(harness.database, "SELECT count(*) FROM attempt WHERE case_id = "
                + "'case-reset-taken' AND status IN ('queued', 'sent', 'delivered') AND provider_ref IS NOT NULL"));
    }

    @Test
    void aConnectionRefusedBeforeAnythingWasSentIsTriedAgainAndSentOnce() {
        Parley parley = start();
        String phone = "+16465550303";
        ServiceHarness.get(harness.twilio.stopListening());
        enroll(parley, "case-refused", phone);
        ServiceHarness.sleep(300);
        ServiceHarness.get(harness.twilio.listenAgain());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (TestPostgres.number(harness.database, "SELECT count(*) FROM attempt WHERE case_id = 'case-refused'"
                + " AND provider_ref IS NOT NULL") == 0 && System.nanoTime() < deadline) {
            ServiceHarness.sleep(100);
            clock.advance(Duration.ofSeconds(2)); // should every quick retry meet the closed port, the step runs again
        }
        assertEquals(1, texts(phone));
        assertFalse(has(harness.timeline(parley, "case-refused"), "attempt.unknown", d -> true));
        String scrape = harness.call(parley, HttpMethod.GET, "/metrics", null, null).bodyAsString();
        assertTrue(scrape.contains("parley_provider_errors_total{channel=\"sms\",kind=\"server_error"), scrape);
    }
}
