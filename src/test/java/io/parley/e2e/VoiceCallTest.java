package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.CallFixtures;
import io.parley.testing.MutableClock;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPolicies;
import io.parley.testing.TestZones;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole calls of the shipped demo-voice sequence over real HTTP and PostgreSQL, the Twilio simulator playing the
 * callee: a right party promises by keypad (kept, or broken and on to the reminder), a wrong person hears nothing
 * about the debt.
 */
class VoiceCallTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final MutableClock clock = new MutableClock();
    private ServiceHarness harness;
    private Parley parley;
    private final ZoneId zone = TestZones.afternoon();

    @BeforeEach
    void start() {
        harness = new ServiceHarness();
        parley = harness.start(Map.of("paths.policies", TestPolicies.callRules().toString()), clock);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void rightPartyHearsTheBalanceAndPromisesThenBreaksThePromise() {
        String phone = "+16465550701";
        LocalDate day = clock.instant().atZone(zone).toLocalDate().plusDays(5);
        CallFixtures.callee(harness, phone, "human", "completed", "1", "1", "2", "500#",
                day.format(DateTimeFormatter.BASIC_ISO_DATE) + "#", "1");
        assertEquals(201, harness.post(parley, "/v1/enrollments",
                CallFixtures.usDebtor("case-v1", "demo-voice", phone, zone)).statusCode());

        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-v1", t -> has(t, "attempt.status",
                d -> "delivered".equals(d.getString("status"))) && has(t, "enrollment.paused", d -> true), WAIT);
        assertTrue(has(timeline, "call.verified", d -> true), timeline.toString());
        assertTrue(has(timeline, "call.disclosure", d -> true));
        assertTrue(has(timeline, "call.balance_heard", d -> true));
        assertTrue(has(timeline, "call.promise", d -> "500".equals(d.getString("amount"))));
        assertTrue(has(timeline, "promise.recorded", d -> "500".equals(d.getString("amount"))
                && day.toString().equals(d.getString("date")) && "voice".equals(d.getString("source"))));
        assertTrue(has(timeline, "attempt.status", d -> d.getString("providerRef") != null
                && d.getString("providerRef").startsWith("CA")));
        String said = CallFixtures.said(CallFixtures.transcript(harness, phone));
        assertTrue(said.contains("$1,234.50"), said);
        assertTrue(said.contains("You promise to pay $500.00 on"), said);
        assertTrue(said.indexOf("attempt to collect a debt") > said.indexOf("If you are Alex"), said);

        // the promised day and the grace period pass with no payment: the reminder text goes out
        clock.advance(Duration.ofDays(5 + 3).plusHours(1));
        List<JsonObject> broken = harness.awaitTimeline(parley, "case-v1", t -> has(t, "attempt.sending",
                d -> "reminder-sms".equals(d.getString("stepId"))), WAIT);
        assertTrue(has(broken, "promise.broken", d -> true));
    }

    @Test
    void aKeptPromiseStopsTheSequence() {
        String phone = "+16465550702";
        LocalDate day = clock.instant().atZone(zone).toLocalDate().plusDays(2);
        CallFixtures.callee(harness, phone, "human", "completed", "1", "2", "300#",
                day.format(DateTimeFormatter.BASIC_ISO_DATE) + "#", "1");
        harness.post(parley, "/v1/enrollments", CallFixtures.usDebtor("case-v2", "demo-voice", phone, zone));
        harness.awaitTimeline(parley, "case-v2", t -> has(t, "enrollment.paused", d -> true), WAIT);

        assertEquals(202, harness.post(parley, "/v1/cases/case-v2/events", new JsonObject()
                .put("type", "payment_received").put("reference", "PAY-1")).statusCode());
        clock.advance(Duration.ofDays(2 + 3).plusHours(1));
        List<JsonObject> kept = harness.awaitTimeline(parley, "case-v2", t -> has(t, "promise.kept", d -> true), WAIT);
        assertTrue(has(kept, "enrollment.stopped", d -> true));
        assertFalse(has(kept, "attempt.sending", d -> "reminder-sms".equals(d.getString("stepId"))));
    }

    @Test
    void aWrongPersonIsToldNothingAboutTheDebt() {
        String phone = "+16465550703";
        CallFixtures.callee(harness, phone, "human", "completed", "2");
        harness.post(parley, "/v1/enrollments", CallFixtures.usDebtor("case-v3", "demo-voice", phone, zone));
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-v3",
                t -> has(t, "enrollment.completed", d -> true), WAIT);
        assertTrue(has(timeline, "call.third_party", d -> true), timeline.toString());
        assertTrue(has(timeline, "attempt.status", d -> "delivered".equals(d.getString("status"))));

        List<Map<String, String>> transcript = CallFixtures.transcript(harness, phone);
        assertEquals(Map.of("typed", "2"), transcript.get(1), transcript.toString());
        String said = CallFixtures.said(transcript);
        assertTrue(said.contains("Please ask Alex to call"), said);
        for (String disclosed : List.of("1,234", "debt", "balance", "LN-2026", "due", "0042")) {
            assertFalse(said.toLowerCase().contains(disclosed.toLowerCase()), "said '" + disclosed + "': " + said);
        }
    }
}
