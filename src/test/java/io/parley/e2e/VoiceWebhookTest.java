package io.parley.e2e;

import io.parley.Parley;
import io.parley.simulator.twilio.TwilioSignature;
import io.parley.testing.CallFixtures;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPolicies;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.parley.testing.ServiceHarness.count;
import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The callee scripted over the simulator's HTTP: opting out by 9; forged webhooks; calls paced per sender. */
class VoiceWebhookTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final ZoneId zone = TestZones.afternoon();
    private ServiceHarness harness;

    @BeforeEach
    void start() {
        harness = new ServiceHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private Parley start(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("paths.policies", TestPolicies.callRules().toString());
        settings.put("paths.sequences", TestSequences.directory(VoiceComplianceTest.ONE_CALL).toString());
        return harness.start(settings);
    }

    @Test
    void nineOptsTheNumberOutOfCallsConfirmedOnceInTheCall() {
        Parley parley = start(Map.of());
        String phone = "+16465550901";
        HttpResponse<Buffer> scripted = ServiceHarness.get(harness.http.postAbs(harness.twilio.baseUrl()
                + "/simulator/callees").sendJsonObject(new JsonObject().put("to", phone)
                .put("answeredBy", "human").put("status", "completed").put("digits", new JsonArray().add("1").add("9"))));
        assertEquals(201, scripted.statusCode(), scripted.bodyAsString());
        harness.post(parley, "/v1/enrollments", CallFixtures.usDebtor("case-o", "one-call", phone, zone));
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-o",
                t -> has(t, "enrollment.completed", d -> true), WAIT);
        assertTrue(has(timeline, "call.opted_out", d -> true), timeline.toString());
        assertEquals(1, count(timeline, "contact.opted_out", d -> "voice".equals(d.getString("channel"))));
        String said = CallFixtures.said(CallFixtures.transcript(harness, phone));
        assertEquals(1, said.split("We will not call this number again", -1).length - 1, said);

        JsonObject debtor = harness.call(parley, HttpMethod.GET, "/v1/debtors/debtor-case-o",
                ServiceHarness.READ_KEY, null).bodyAsJsonObject();
        assertTrue(debtor.getJsonArray("contactPoints").stream().map(JsonObject.class::cast).anyMatch(p ->
                "voice".equals(p.getString("channel")) && "opted_out".equals(p.getString("status"))),
                debtor.encodePrettily());
        JsonObject again = CallFixtures.usDebtor("case-o2", "one-call", phone, zone);
        again.getJsonObject("debtor").put("id", "debtor-case-o");
        harness.post(parley, "/v1/enrollments", again);
        List<JsonObject> after = harness.awaitTimeline(parley, "case-o2",
                t -> has(t, "decision", d -> "suppress".equals(d.getString("outcome"))), WAIT);
        assertTrue(has(after, "decision", d -> "no-usable-contact".equals(d.getString("rule"))), after.toString());
        assertEquals(1, CallFixtures.callsTo(harness, phone).size(), "no call after the opt-out");
    }

    @Test
    void aForgedCallWebhookIsRefused() {
        Parley parley = start(Map.of());
        String path = "/webhooks/twilio/voice/" + UUID.randomUUID() + "/";
        Map<String, String> params = Map.of("CallSid", "CA" + "0".repeat(32), "CallStatus", "in-progress",
                "Digits", "1");
        for (String what : List.of("answer", "keys?turn=1", "dialed?turn=1", "status")) {
            assertEquals(403, webhook(parley, path + what, params, "not-the-auth-token").statusCode(), what);
            assertEquals(403, webhook(parley, path + what, params, null).statusCode(), what);
        }
        HttpResponse<Buffer> unknown = webhook(parley, path + "answer", params, harness.twilio.settings().authToken());
        assertEquals(200, unknown.statusCode());
        assertTrue(unknown.bodyAsString().contains("<Hangup/>"), "a call Parley did not place is hung up");
        assertEquals(204, webhook(parley, path + "status", params, harness.twilio.settings().authToken())
                .statusCode());
    }

    @Test
    void aCalleeWhoHangsUpEndsTheFlowAndARepeatedRequestChangesNothing() {
        Parley parley = start(Map.of());
        String phone = "+16465550904";
        CallFixtures.callee(harness, phone, "human", "completed", "hangup");
        harness.post(parley, "/v1/enrollments", CallFixtures.usDebtor("case-h", "one-call", phone, zone));
        List<JsonObject> timeline = harness.awaitTimeline(parley, "case-h",
                t -> has(t, "enrollment.completed", d -> true), WAIT);
        assertTrue(has(timeline, "call.hung_up", d -> "identify".equals(d.getString("stage"))), timeline.toString());
        assertTrue(has(timeline, "attempt.status", d -> "delivered".equals(d.getString("status"))));
        String attempt = timeline.stream().filter(e -> "attempt.sending".equals(e.getString("kind"))).findFirst()
                .orElseThrow().getJsonObject("data").getString("attemptId");

        String path = "/webhooks/twilio/voice/" + attempt + "/";
        Map<String, String> params = Map.of("CallSid", CallFixtures.callsTo(harness, phone).get(0).sid(),
                "CallStatus", "in-progress", "AnsweredBy", "human");
        String token = harness.twilio.settings().authToken();
        HttpResponse<Buffer> again = webhook(parley, path + "answer", params, token);
        assertEquals(200, again.statusCode());
        assertTrue(again.bodyAsString().contains("If you are Alex, please press 1."), again.bodyAsString());
        assertTrue(webhook(parley, path + "keys?turn=7", params, token).bodyAsString()
                .contains("If you are Alex, please press 1."), "a turn that is not the call's gets the last answer");
        assertEquals(1, count(harness.timeline(parley, "case-h"), "call.turn", d -> true), "nothing new recorded");
    }

    @Test
    void callsBeyondTheSendersPaceWaitInTheQueue() {
        Parley parley = start(Map.of("voice.callsPerSecond", "1", "voice.maxConcurrentCalls", "1"));
        String first = "+16465550902";
        String second = "+16465550903";
        CallFixtures.callee(harness, first, "human", "completed", "1", "", "");
        CallFixtures.callee(harness, second, "human", "completed", "2");
        harness.post(parley, "/v1/enrollments", CallFixtures.usDebtor("case-p1", "one-call", first, zone));
        harness.post(parley, "/v1/enrollments", CallFixtures.usDebtor("case-p2", "one-call", second, zone));
        List<JsonObject> one = harness.awaitTimeline(parley, "case-p1", t -> has(t, "enrollment.completed", d -> true),
                WAIT);
        List<JsonObject> two = harness.awaitTimeline(parley, "case-p2", t -> has(t, "enrollment.completed", d -> true),
                WAIT);
        List<JsonObject> both = new java.util.ArrayList<>(one);
        both.addAll(two);
        assertTrue(has(both, "decision", d -> "defer".equals(d.getString("outcome"))
                && "pacing".equals(d.getString("rule"))), both.toString());
        assertEquals(2, count(both, "attempt.status", d -> "delivered".equals(d.getString("status"))));
    }

    private HttpResponse<Buffer> webhook(Parley parley, String pathAndQuery, Map<String, String> params,
                                         String token) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        params.forEach(form::add);
        var request = harness.http.post(parley.port(), "127.0.0.1", pathAndQuery);
        if (token != null) {
            request.putHeader("X-Twilio-Signature", TwilioSignature.of(token, parley.publicBaseUrl() + pathAndQuery,
                    params));
        }
        return ServiceHarness.get(request.sendForm(form));
    }
}
