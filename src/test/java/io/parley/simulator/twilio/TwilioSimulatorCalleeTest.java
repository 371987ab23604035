package io.parley.simulator.twilio;

import static io.parley.simulator.twilio.TwilioSimulatorApiTest.ACCOUNT;
import static io.parley.simulator.twilio.TwilioSimulatorApiTest.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator plays the callee: fetches TwiML signed, follows Gather, Redirect and Dial, keeps a transcript. */
class TwilioSimulatorCalleeTest {
    private static final String TO = "+15005550009";
    private static final Map<String, String> FLOW = Map.of(
            "/answer", "<Say>Hello.</Say><Gather action=\"/menu\" numDigits=\"1\"><Say>Press 1.</Say></Gather>"
                    + "<Redirect>/silence</Redirect>",
            "/menu", "<Say>You pressed it.</Say><Gather action=\"/amount\" finishOnKey=\"#\"><Say>Amount?</Say>"
                    + "</Gather><Redirect>/silence</Redirect>",
            "/amount", "<Redirect>/agent</Redirect>",
            "/agent", "<Dial action=\"/dialed\">+18005550100</Dial>",
            "/dialed", "<Say>Bye.</Say><Pause length=\"1\"/><Hangup/><Say>Never said.</Say>",
            "/silence", "<Say>Nothing keyed.</Say><Hangup/>");

    private Vertx vertx;
    private TwilioSimulator simulator;
    private IvrApp app;
    private WebClient http;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        simulator = Await.result(TwilioSimulator.start(vertx, new TwilioSimulator.Settings("127.0.0.1", 0, ACCOUNT,
                TOKEN, Duration.ofMillis(20))));
        app = Await.result(IvrApp.start(vertx, TOKEN, FLOW));
        http = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        Await.result(app.close());
        Await.result(simulator.close());
        Await.result(vertx.close());
    }

    @Test
    void keysEachScriptedEntryAtEachGatherAndFollowsTheFlowToTheEnd() {
        JsonObject script = post("/simulator/callees", new JsonObject().put("to", TO)
                .put("digits", List.of("1", "500#"))).bodyAsJsonObject();
        assertEquals("human", script.getString("answeredBy"));
        String sid = call(app.url("/status"));

        List<Map<String, String>> transcript = awaitEnd(sid);
        assertEquals(List.of(Map.of("said", "Hello."), Map.of("said", "Press 1."), Map.of("typed", "1"),
                Map.of("said", "You pressed it."), Map.of("said", "Amount?"), Map.of("typed", "500#"),
                Map.of("dialed", "+18005550100"), Map.of("said", "Bye.")), transcript);
        assertEquals(List.of("/answer", "/status", "/menu", "/amount", "/agent", "/dialed", "/status"), app.paths());
        IvrApp.Request amount = app.requests.stream().filter(r -> r.path().equals("/amount")).findFirst()
                .orElseThrow();
        assertEquals("500", amount.params().get("Digits"));
        assertEquals("#", amount.params().get("FinishedOnKey"));
        assertEquals("completed", app.requests.stream().filter(r -> r.path().equals("/dialed")).findFirst()
                .orElseThrow().params().get("DialCallStatus"));
        JsonObject over = http.getAbs(simulator.baseUrl() + "/simulator/calls/" + sid + "/transcript").send()
                .toCompletionStage().toCompletableFuture().join().bodyAsJsonObject();
        assertEquals(new JsonObject().put("said", "Hello."), over.getJsonArray("entries").getJsonObject(0));
    }

    @Test
    void nothingKeyedFallsThroughToTheNextVerbAndHangupEndsTheCall() {
        simulator.callee(new CalleeScript(TO, "human", "completed", List.of("")));
        String silent = call(app.url("/status"));
        assertEquals(Map.of("said", "Nothing keyed."), last(awaitEnd(silent)));

        simulator.callee(new CalleeScript(TO, "human", "completed", List.of("1", "hangup")));
        String hungUp = call(app.url("/status"));
        assertEquals(Map.of("hungUp", "callee"), last(awaitEnd(hungUp)));
    }

    @Test
    void aMachineKeysNothingAndBusyNeverFetchesInstructions() {
        simulator.callee(new CalleeScript(TO, "machine_end_beep", "completed", List.of("1")));
        List<Map<String, String>> machine = awaitEnd(call(app.url("/status")));
        assertEquals(Map.of("said", "Nothing keyed."), last(machine));
        assertTrue(machine.stream().noneMatch(e -> e.containsKey("typed")));
        assertEquals("machine_end_beep", app.requests.get(0).params().get("AnsweredBy"));

        simulator.callee(new CalleeScript(TO, "human", "busy", List.of()));
        int before = app.requests.size();
        String busy = call(app.url("/status"));
        awaitEnd(busy);
        assertEquals(List.of("/status"), app.paths().subList(before, app.paths().size()));
        assertEquals(List.of(), simulator.transcript(busy));
    }

    @Test
    void anInstructionRequestThatIsRefusedIsAnApplicationError() {
        String sid = call(app.url("/status"), "http://127.0.0.1:" + 1 + "/answer");
        List<Map<String, String>> transcript = awaitEnd(sid);
        assertTrue(transcript.get(0).get("error").contains("/answer"), transcript.toString());
    }

    @Test
    void refusesABadScriptNamingTheField() {
        HttpResponse<Buffer> bad = post("/simulator/callees", new JsonObject().put("to", TO)
                .put("digits", List.of("1", "12a")));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.bodyAsJsonObject().getString("message").startsWith("digits[1]:"), bad.bodyAsString());
        assertEquals(400, post("/simulator/callees", new JsonObject().put("to", "555")).statusCode());
        assertEquals(400, post("/simulator/callees", new JsonObject().put("to", TO).put("status", "ringing"))
                .statusCode());
        assertEquals(404, http.getAbs(simulator.baseUrl() + "/simulator/calls/CAnone/transcript").send()
                .toCompletionStage().toCompletableFuture().join().statusCode());
    }

    private String call(String statusCallback) {
        return call(statusCallback, app.url("/answer"));
    }

    private String call(String statusCallback, String url) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("To", TO).add("From", "+15005550006").add("Url", url)
                .add("StatusCallback", statusCallback).add("MachineDetection", "DetectMessageEnd")
                .add("StatusCallbackEvent", "answered").add("StatusCallbackEvent", "completed");
        return http.postAbs(simulator.baseUrl() + "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json")
                .basicAuthentication(ACCOUNT, TOKEN).sendForm(form).toCompletionStage().toCompletableFuture().join()
                .bodyAsJsonObject().getString("sid");
    }

    private List<Map<String, String>> awaitEnd(String sid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            boolean ended = app.requests.stream().anyMatch(r -> r.path().equals("/status")
                    && sid.equals(r.params().get("CallSid")) && !"in-progress".equals(r.params().get("CallStatus")));
            if (ended) {
                return simulator.transcript(sid);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("call " + sid + " did not end: " + app.requests);
    }

    private HttpResponse<Buffer> post(String path, JsonObject body) {
        return http.postAbs(simulator.baseUrl() + path).sendJsonObject(body).toCompletionStage()
                .toCompletableFuture().join();
    }

    private static Map<String, String> last(List<Map<String, String>> entries) {
        return entries.get(entries.size() - 1);
    }
}
