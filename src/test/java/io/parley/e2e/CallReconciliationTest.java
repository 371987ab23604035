package io.parley.e2e;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import io.parley.Parley;
import io.parley.channel.sms.TwilioClients;
import io.parley.simulator.twilio.SimulatedCall;
import io.parley.testing.CallFixtures;
import io.parley.testing.MutableClock;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPolicies;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call whose answer never came (the connection reset after the request went out) is UNKNOWN whether or not Twilio
 * placed it. It is never placed again blindly: the reconciler (moved on by the test clock) asks Twilio, with the
 * official SDK, for the calls to the number from the service's caller id since the attempt was claimed. The call
 * Twilio has settles the attempt with its SID (not a call from another caller id, nor a later one); no call means
 * nothing was placed, and the step runs again. Each attempt places one call at most.
 */
class CallReconciliationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ONE_CALL = """
            name: one-call
            version: 1
            stopOn: [payment_received]
            steps:
              - id: call
                channel: voice
                template: m1-ivr
                at: { anchor: enrollment, after: PT0S }
            """;
    private final MutableClock clock = new MutableClock();
    private final ServiceHarness harness = new ServiceHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    private Parley start() {
        return harness.start(Map.of("paths.sequences", TestSequences.directory(ONE_CALL).toString(),
                "paths.policies", TestPolicies.callRules().toString(),
                "dispatch.sendingTimeout", "PT2S", // the reconciler goes round every half second
                // status callbacks go nowhere: only asking Twilio can tell what became of a call
                "public.baseUrl", "http://127.0.0.1:9"), clock);
    }

    private void enrollAndAwaitUnknown(Parley parley, String caseId, String phone) {
        CallFixtures.callee(harness, phone, "human", "no-answer"); // it rings out, no TwiML asked for
        assertEquals(201, harness.post(parley, "/v1/enrollments",
                CallFixtures.usDebtor(caseId, "one-call", phone, TestZones.afternoon())).statusCode());
        harness.awaitTimeline(parley, caseId, t -> has(t, "attempt.unknown", d -> true), WAIT);
    }

    private long attempts(String caseId, String where) {
        return TestPostgres.number(harness.database, "SELECT count(*) FROM attempt WHERE case_id = '" + caseId
                + "' AND " + where);
    }

    @Test
    void aCallPlacedBeforeTheResetIsFoundByNumberAndTimeAndSettledWithItsSid() {
        Parley parley = start();
        String phone = "+16465550801";
        harness.twilio.resetNextCalls(1, true); // Twilio places the call, the answer never comes back
        enrollAndAwaitUnknown(parley, "case-call-taken", phone);
        List<SimulatedCall> placed = CallFixtures.callsTo(harness, phone);
        assertEquals(1, placed.size());
        String sid = placed.get(0).sid();
        // calls the attempt did not place: to the number from another caller id, and a later one from ours (a second
        // later: Twilio dates calls to the second)
        String ours = placed.get(0).param("From");
        String otherCaller = placeElsewhere(phone, "+15005550007");
        ServiceHarness.sleep(1100);
        String later = placeElsewhere(phone, ours);

        clock.advance(Duration.ofSeconds(31)); // past the wait before an unknown attempt is looked up
        await(() -> attempts("case-call-taken", "provider_ref IS NOT NULL") > 0);
        assertEquals(1, attempts("case-call-taken", "provider_ref = '" + sid + "' AND status <> 'unknown'"),
                () -> "settled with the SID of the call Twilio placed, " + sid + ": "
                        + harness.timeline(parley, "case-call-taken"));
        assertEquals(1, TestPostgres.number(harness.database, "SELECT count(*) FROM voice_call WHERE call_sid = '"
                + sid + "'"), "the call linked to its attempt, for the status callbacks to come");
        ServiceHarness.sleep(500);
        clock.advance(Duration.ofSeconds(61));
        ServiceHarness.sleep(500);
        assertEquals(List.of(sid, otherCaller, later),
                CallFixtures.callsTo(harness, phone).stream().map(SimulatedCall::sid).toList(), "never placed twice");
        assertEquals(1, attempts("case-call-taken", "true"));
    }

    @Test
    void aCallResetBeforeTwilioReadItIsNotFoundOnceTwilioCanBeAskedAndPlacedAgainOnce() {
        Parley parley = start();
        String phone = "+16465550802";
        harness.twilio.resetNextCalls(1, false); // the connection drops before Twilio reads the request
        enrollAndAwaitUnknown(parley, "case-call-lost", phone);
        assertEquals(0, CallFixtures.callsTo(harness, phone).size());

        // Twilio down when asked: nothing is guessed, the attempt stays unknown and is asked about again
        harness.twilio.failNext(1_000_000, 503, null);
        clock.advance(Duration.ofSeconds(31));
        ServiceHarness.sleep(1500); // three rounds of the reconciler
        assertEquals(1, attempts("case-call-lost", "status = 'unknown' AND error_code IS DISTINCT FROM "
                + "'not_at_provider'"), "still unknown while Twilio cannot be asked");
        assertEquals(0, CallFixtures.callsTo(harness, phone).size());

        harness.twilio.failNext(0, 503, null); // Twilio answers again
        await(() -> attempts("case-call-lost", "error_code = 'not_at_provider'") > 0);
        clock.advance(Duration.ofSeconds(61)); // past the pause before a step that placed nothing runs again
        await(() -> attempts("case-call-lost", "provider_ref IS NOT NULL") > 0);
        List<SimulatedCall> placed = CallFixtures.callsTo(harness, phone);
        assertEquals(1, placed.size(), "placed again, once, after the lookup");
        assertEquals(1, attempts("case-call-lost", "provider_ref = '" + placed.get(0).sid() + "'"));
        assertEquals(1, attempts("case-call-lost", "error_code = 'not_at_provider' AND provider_ref IS NULL"),
                "Twilio had no such call: none was placed");
    }

    /** Places a call on the simulated account the way another caller would, with the SDK. */
    private String placeElsewhere(String to, String from) {
        var settings = harness.twilio.settings();
        var client = TwilioClients.create(settings.accountSid(), settings.authToken(), harness.twilio.baseUrl(),
                Duration.ofSeconds(5));
        return Call.creator(new PhoneNumber(to), new PhoneNumber(from), URI.create("https://x.test/answer"))
                .create(client).getSid();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            ServiceHarness.sleep(100);
        }
    }
}
