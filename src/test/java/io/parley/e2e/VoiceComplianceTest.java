package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.CallFixtures;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPolicies;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the rule packs make of calls, over real HTTP and PostgreSQL: a voicemail left or not per pack, busy and
 * unanswered calls counted against China's six a day, the lockout after a conversation.
 */
class VoiceComplianceTest {
    static final String ONE_CALL = """
            name: one-call
            version: 1
            stopOn: [payment_received]
            pauseOn: [promise_to_pay]
            steps:
              - id: call
                channel: voice
                template: m1-ivr
                voicemail: voicemail-callback
                at: { anchor: enrollment, after: PT0S }
            """;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final ZoneId zone = TestZones.afternoon();
    private ServiceHarness harness;
    private Parley parley;

    @BeforeEach
    void start() {
        harness = new ServiceHarness();
        parley = harness.start(Map.of("paths.policies", TestPolicies.callRules().toString(),
                "paths.sequences", TestSequences.directory(ONE_CALL).toString()));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private List<JsonObject> callAndWait(JsonObject enrollment) {
        assertEquals(201, harness.post(parley, "/v1/enrollments", enrollment).statusCode());
        return harness.awaitTimeline(parley, enrollment.getString("caseId"),
                t -> has(t, "enrollment.completed", d -> true), WAIT);
    }

    @Test
    void aMachineGetsTheLimitedContentVoicemailWhereThePackAllowsIt() {
        String us = "+16465550801";
        CallFixtures.callee(harness, us, "machine_end_beep", "completed");
        List<JsonObject> left = callAndWait(CallFixtures.usDebtor("case-m1", "one-call", us, zone));
        assertEquals("Hello, this message is for Alex Morgan. This is Parley Demo Lending. Please call us back at "
                        + "+18005550199. Again, the number is +18005550199. Thank you.",
                CallFixtures.said(CallFixtures.transcript(harness, us)));
        assertTrue(has(left, "call.machine", d -> d.getBoolean("voicemail")), left.toString());
        assertTrue(has(left, "attempt.status", d -> "delivered".equals(d.getString("status"))));

        String cn = "+8613800138801";
        CallFixtures.callee(harness, cn, "machine_end_beep", "completed");
        List<JsonObject> none = callAndWait(CallFixtures.chineseDebtor("case-m2", "debtor-m2", "one-call", cn, zone));
        assertEquals("", CallFixtures.said(CallFixtures.transcript(harness, cn)));
        assertTrue(has(none, "call.machine", d -> !d.getBoolean("voicemail")
                && d.getString("reason").contains("cn/voice/voicemail")), none.toString());
        assertTrue(has(none, "attempt.status", d -> "undelivered".equals(d.getString("status"))));
    }

    @Test
    void busyAndUnansweredCallsCountAndTheSeventhOfTheDayWaits() {
        String phone = "+8613800138802";
        CallFixtures.callee(harness, phone, "human", "busy");
        for (int i = 1; i <= 6; i++) {
            if (i == 4) {
                CallFixtures.callee(harness, phone, "human", "no-answer");
            }
            List<JsonObject> t = callAndWait(CallFixtures.chineseDebtor("case-c" + i, "debtor-cn", "one-call", phone,
                    zone));
            String ending = i < 4 ? "busy" : "no-answer";
            assertTrue(has(t, "call.status", d -> ending.equals(d.getString("status"))), t.toString());
            assertTrue(has(t, "attempt.status", d -> "undelivered".equals(d.getString("status"))));
        }
        assertEquals(201, harness.post(parley, "/v1/enrollments", CallFixtures.chineseDebtor("case-c7", "debtor-cn",
                "one-call", phone, zone)).statusCode());
        List<JsonObject> seventh = harness.awaitTimeline(parley, "case-c7", t -> has(t, "decision", d -> true), WAIT);
        JsonObject decision = seventh.stream().filter(e -> "decision".equals(e.getString("kind"))).findFirst()
                .orElseThrow().getJsonObject("data");
        assertEquals("defer", decision.getString("outcome"), decision.encodePrettily());
        assertEquals("cn/voice/unanswered-6-per-day", decision.getString("rule"));
        assertTrue(decision.getJsonObject("facts").getJsonArray("caps").stream().map(JsonObject.class::cast)
                .anyMatch(c -> c.getString("id").equals("cn/voice/unanswered-6-per-day")
                        && c.getInteger("counted") == 6), decision.encodePrettily());
        assertEquals(6, CallFixtures.callsTo(harness, phone).size());
    }

    @Test
    void aConversationLocksTheDebtOutOfCallsForSevenDays() {
        String phone = "+16465550803";
        CallFixtures.callee(harness, phone, "human", "completed", "1", "", "");
        List<JsonObject> first = callAndWait(CallFixtures.usDebtor("case-l", "one-call", phone, zone));
        assertTrue(has(first, "call.gave_up", d -> "menu".equals(d.getString("stage"))), first.toString());

        assertEquals(201, harness.post(parley, "/v1/enrollments", CallFixtures.usDebtor("case-l", "one-call", phone,
                zone)).statusCode());
        List<JsonObject> again = harness.awaitTimeline(parley, "case-l", t -> t.stream()
                .filter(e -> "decision".equals(e.getString("kind"))).count() == 2, WAIT);
        JsonObject decision = again.stream().filter(e -> "decision".equals(e.getString("kind")))
                .reduce((a, b) -> b).orElseThrow().getJsonObject("data");
        assertEquals("defer", decision.getString("outcome"), decision.encodePrettily());
        assertEquals("us-regf/voice/lockout", decision.getString("rule"));
        assertTrue(decision.getJsonArray("reasons").getString(0).contains("7 days after a conversation"),
                decision.encodePrettily());
        assertEquals(1, CallFixtures.callsTo(harness, phone).size());
    }
}
