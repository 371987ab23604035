package io.parley.simulator.twilio;

import static io.parley.simulator.twilio.TwilioSimulatorApiTest.ACCOUNT;
import static io.parley.simulator.twilio.TwilioSimulatorApiTest.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.security.RequestValidator;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Status callbacks, TwiML requests and inbound SMS, received by a real webhook server and checked as Twilio's. */
class TwilioSimulatorCallbackTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String TO = "+15005550009";

    private final RequestValidator validator = new RequestValidator(TOKEN);
    private Vertx vertx;
    private TwilioSimulator simulator;
    private WebhookReceiver receiver;
    private WebClient http;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        simulator = Await.result(TwilioSimulator.start(vertx, new TwilioSimulator.Settings("127.0.0.1", 0, ACCOUNT,
                TOKEN, Duration.ofMillis(50))));
        receiver = Await.result(WebhookReceiver.start(vertx));
        http = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        Await.result(simulator.close());
        Await.result(receiver.close());
        Await.result(vertx.close());
    }

    static Stream<Arguments> messageEndings() {
        return Stream.of(
                Arguments.of("delivered", List.of("queued", "sent", "delivered"), null),
                Arguments.of("undelivered", List.of("queued", "sent", "undelivered"), "30003"),
                Arguments.of("failed", List.of("queued", "failed"), "30008"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageEndings")
    void reportsEachMessageStatusSigned(String ending, List<String> statuses, String errorCode) throws Exception {
        simulator.outcomeFor(TO, ending);
        String callback = receiver.url("/sms/status?attempt=a1");
        String sid = create("/Messages.json", TwilioSimulatorApiTest.form(TO, "Your balance is due")
                .add("StatusCallback", callback)).getString("sid");

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            WebhookReceiver.Hit hit = receiver.next(WAIT);
            assertEquals(callback, hit.url());
            assertTrue(validator.validate(hit.url(), hit.params(), hit.signature()), "signature of " + hit);
            assertEquals(sid, hit.param("MessageSid"));
            assertEquals(sid, hit.param("SmsSid"));
            assertEquals(hit.param("MessageStatus"), hit.param("SmsStatus"));
            assertEquals(ACCOUNT, hit.param("AccountSid"));
            assertEquals("+15005550006", hit.param("From"));
            assertEquals(TO, hit.param("To"));
            assertEquals("2010-04-01", hit.param("ApiVersion"));
            boolean ended = i == statuses.size() - 1;
            assertEquals(ended ? errorCode : null, hit.param("ErrorCode"));
            seen.add(hit.param("MessageStatus"));
        }
        assertEquals(statuses, seen);
        receiver.assertQuiet(Duration.ofMillis(200));

        JsonObject fetched = get("/Messages/" + sid + ".json");
        assertEquals(ending, fetched.getString("status"));
        assertEquals(errorCode == null ? null : Integer.valueOf(errorCode), fetched.getInteger("error_code"));
    }

    @Test
    void retriesACallbackTheReceiverCannotTake() throws Exception {
        receiver.answerWith(500);
        simulator.outcomeFor(TO, "failed");
        create("/Messages.json", TwilioSimulatorApiTest.form(TO, "hi").add("StatusCallback", receiver.url("/s")));

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals("queued", receiver.next(WAIT).param("MessageStatus"), "attempt " + attempt);
        }
        assertEquals("failed", receiver.next(WAIT).param("MessageStatus"));
    }

    @Test
    void answeredCallFetchesTwimlAndReportsEveryAskedEvent() throws Exception {
        String statusUrl = receiver.url("/voice/status");
        String twimlUrl = receiver.url("/voice/twiml");
        String sid = create("/Calls.json", MultiMap.caseInsensitiveMultiMap()
                .add("To", TO).add("From", "+15005550006").add("Url", twimlUrl)
                .add("StatusCallback", statusUrl).add("MachineDetection", "Enable")
                .add("StatusCallbackEvent", "initiated").add("StatusCallbackEvent", "ringing")
                .add("StatusCallbackEvent", "answered").add("StatusCallbackEvent", "completed")).getString("sid");

        List<WebhookReceiver.Hit> hits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            WebhookReceiver.Hit hit = receiver.next(WAIT);
            assertTrue(validator.validate(hit.url(), hit.params(), hit.signature()), "signature of " + hit);
            assertEquals(sid, hit.param("CallSid"));
            hits.add(hit);
        }
        assertEquals(List.of(statusUrl, statusUrl, twimlUrl, statusUrl, statusUrl),
                hits.stream().map(WebhookReceiver.Hit::url).toList());
        assertEquals(List.of("queued", "ringing", "in-progress", "in-progress", "completed"),
                hits.stream().map(h -> h.param("CallStatus")).toList());
        WebhookReceiver.Hit completed = hits.get(4);
        assertEquals("human", completed.param("AnsweredBy"));
        assertEquals("1", completed.param("CallDuration"));
        assertEquals("1", completed.param("Duration"));
        assertEquals("3", completed.param("SequenceNumber"));
        assertEquals("completed", get("/Calls/" + sid + ".json").getString("status"));
        assertEquals(1, simulator.calls().size());
        assertEquals("Enable", simulator.calls().get(0).param("MachineDetection"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callEndings")
    void unansweredCallReportsOnlyItsEnding(String ending, String answeredBy) throws Exception {
        simulator.outcomeFor(TO, ending);
        create("/Calls.json", MultiMap.caseInsensitiveMultiMap().add("To", TO).add("From", "+15005550006")
                .add("Twiml", "<Response><Say>Hello</Say></Response>")
                .add("StatusCallback", receiver.url("/voice/status")).add("MachineDetection", "Enable"));

        WebhookReceiver.Hit hit = receiver.next(WAIT);
        assertEquals(ending, hit.param("CallStatus"));
        assertEquals("0", hit.param("CallDuration"));
        assertEquals(answeredBy, hit.param("AnsweredBy"));
        receiver.assertQuiet(Duration.ofMillis(200));
    }

    static Stream<Arguments> callEndings() {
        return Stream.of(Arguments.of("busy", "unknown"), Arguments.of("no-answer", "unknown"),
                Arguments.of("failed", "unknown"));
    }

    @Test
    void machineAnswersWhenTheScenarioSaysSo() throws Exception {
        simulator.answeredByFor(TO, "machine_end_beep");
        create("/Calls.json", MultiMap.caseInsensitiveMultiMap().add("To", TO).add("From", "+15005550006")
                .add("Twiml", "<Response/>").add("StatusCallback", receiver.url("/voice/status"))
                .add("MachineDetection", "DetectMessageEnd"));

        WebhookReceiver.Hit hit = receiver.next(WAIT);
        assertEquals("completed", hit.param("CallStatus"));
        assertEquals("machine_end_beep", hit.param("AnsweredBy"));
    }

    @Test
    void callWithoutMachineDetectionHasNoAnsweredBy() throws Exception {
        create("/Calls.json", MultiMap.caseInsensitiveMultiMap().add("To", TO).add("From", "+15005550006")
                .add("Twiml", "<Response/>").add("StatusCallback", receiver.url("/voice/status")));

        WebhookReceiver.Hit hit = receiver.next(WAIT);
        assertEquals("completed", hit.param("CallStatus"));
        assertNull(hit.param("AnsweredBy"));
    }

    @Test
    void inboundSmsIsPostedSignedAndListed() throws Exception {
        receiver.answerWith(200);
        String webhook = receiver.url("/sms/inbound");

        int status = Await.result(simulator.sendInboundSms(webhook, "+15005550009", "+15005550006", "STOP"));

        assertEquals(200, status);
        WebhookReceiver.Hit hit = receiver.next(WAIT);
        assertTrue(validator.validate(webhook, hit.params(), hit.signature()));
        assertEquals("STOP", hit.param("Body"));
        assertEquals("+15005550009", hit.param("From"));
        assertEquals("+15005550006", hit.param("To"));
        assertEquals("0", hit.param("NumMedia"));
        assertEquals("1", hit.param("NumSegments"));
        assertEquals("received", hit.param("SmsStatus"));
        assertEquals(ACCOUNT, hit.param("AccountSid"));
        assertTrue(hit.param("MessageSid").matches("SM[0-9a-f]{32}"));
        JsonObject listed = get("/Messages.json").getJsonArray("messages").getJsonObject(0);
        assertEquals(hit.param("MessageSid"), listed.getString("sid"));
        assertEquals("inbound", listed.getString("direction"));
        assertEquals("received", listed.getString("status"));
    }

    private JsonObject create(String path, MultiMap form) {
        var response = Await.result(http.postAbs(simulator.baseUrl() + "/2010-04-01/Accounts/" + ACCOUNT + path)
                .basicAuthentication(ACCOUNT, TOKEN).sendForm(form));
        assertEquals(201, response.statusCode(), response.bodyAsString());
        return response.bodyAsJsonObject();
    }

    private JsonObject get(String path) {
        return Await.result(http.getAbs(simulator.baseUrl() + "/2010-04-01/Accounts/" + ACCOUNT + path)
                .basicAuthentication(ACCOUNT, TOKEN).send()).bodyAsJsonObject();
    }
}
