package io.parley.channel.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import io.parley.simulator.twilio.Await;
import io.parley.simulator.twilio.TwilioSimulator;
import io.parley.simulator.twilio.WebhookReceiver;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official Twilio SDK, through our transport, against the simulator over loopback. */
class TwilioClientsTest {
    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";
    private static final PhoneNumber TO = new PhoneNumber("+15005550009");
    private static final PhoneNumber FROM = new PhoneNumber("+15005550006");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private Vertx vertx;
    private TwilioSimulator simulator;
    private TwilioRestClient client;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        simulator = Await.result(TwilioSimulator.start(vertx, new TwilioSimulator.Settings("127.0.0.1", 0, ACCOUNT,
                TOKEN, Duration.ofMillis(50))));
        client = TwilioClients.create(ACCOUNT, TOKEN, simulator.baseUrl(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        Await.result(simulator.close());
        Await.result(vertx.close());
    }

    @Test
    void createsAndFetchesAMessage() throws Exception {
        Message created = Message.creator(TO, FROM, "Your balance is due").create(client);

        assertTrue(created.getSid().matches("SM[0-9a-f]{32}"), created.getSid());
        assertEquals(Message.Status.QUEUED, created.getStatus());
        assertEquals(Message.Direction.OUTBOUND_API, created.getDirection());
        assertEquals("1", created.getNumSegments());
        assertEquals(ACCOUNT, created.getAccountSid());
        assertNotNull(created.getDateCreated());
        assertEquals("Your balance is due", simulator.messages().get(0).param("Body"));

        Message fetched = awaitStatus(created.getSid(), Message.Status.DELIVERED);
        assertEquals(created.getSid(), fetched.getSid());
        assertEquals(TO.toString(), fetched.getTo());
        assertNotNull(fetched.getDateSent());
    }

    @Test
    void readsEveryPageOfTheList() {
        for (int i = 0; i < 5; i++) {
            Message.creator(TO, FROM, "message " + i).create(client);
        }

        List<String> bodies = StreamSupport.stream(Message.reader().pageSize(2).read(client).spliterator(), false)
                .map(Message::getBody).toList();

        assertEquals(List.of("message 4", "message 3", "message 2", "message 1", "message 0"), bodies);
    }

    @Test
    void wrongAuthTokenIsAuthenticationError() {
        TwilioRestClient wrong = TwilioClients.create(ACCOUNT, "not-the-token", simulator.baseUrl(),
                Duration.ofSeconds(5));

        ApiException error = assertThrows(ApiException.class, () -> Message.creator(TO, FROM, "hi").create(wrong));

        assertEquals(20003, error.getCode());
        assertEquals(401, error.getStatusCode());
    }

    @Test
    void missingToIsRejected() {
        ApiException error = assertThrows(ApiException.class,
                () -> Message.creator(new PhoneNumber(""), FROM, "hi").create(client));

        assertEquals(21604, error.getCode());
        assertEquals(400, error.getStatusCode());
        assertTrue(simulator.messages().isEmpty());
    }

    @Test
    void rateLimitSurfacesAtOnceWithItsRetryAfter() {
        simulator.failNext(1, 429, Duration.ofSeconds(7));

        ApiException error = assertThrows(ApiException.class, () -> Message.creator(TO, FROM, "hi").create(client));

        assertEquals(429, error.getStatusCode());
        assertEquals(20429, error.getCode());
        assertEquals(Duration.ofSeconds(7), TwilioClients.lastRetryAfter(client).orElseThrow());
        assertTrue(simulator.messages().isEmpty(), "the SDK must not have retried past the one injected fault");
    }

    @Test
    void makesExactlyOneRequestWhenTheApiFails() throws Exception {
        List<String> requests = new ArrayList<>();
        var alwaysLimited = Await.result(vertx.createHttpServer().requestHandler(request -> {
            synchronized (requests) {
                requests.add(request.method() + " " + request.uri());
            }
            request.response().setStatusCode(429).putHeader("Retry-After", "1")
                    .putHeader("Content-Type", "application/json")
                    .end("{\"code\":20429,\"message\":\"Too Many Requests\",\"more_info\":"
                            + "\"https://www.twilio.com/docs/errors/20429\",\"status\":429}");
        }).listen(0, "127.0.0.1"));
        TwilioRestClient limited = TwilioClients.create(ACCOUNT, TOKEN, "http://127.0.0.1:" + alwaysLimited
                .actualPort(), Duration.ofSeconds(5));

        assertThrows(ApiException.class, () -> Message.creator(TO, FROM, "hi").create(limited));
        Thread.sleep(300);

        synchronized (requests) {
            assertEquals(List.of("POST /2010-04-01/Accounts/" + ACCOUNT + "/Messages.json"), requests);
        }
        Await.result(alwaysLimited.close());
    }

    @Test
    void slowAnswerTimesOutButTheMessageWasAccepted() {
        simulator.latency(Duration.ofSeconds(2));
        TwilioRestClient impatient = TwilioClients.create(ACCOUNT, TOKEN, simulator.baseUrl(),
                Duration.ofMillis(300));

        ApiConnectionException error = assertThrows(ApiConnectionException.class,
                () -> Message.creator(TO, FROM, "hi").create(impatient));

        assertInstanceOf(HttpTimeoutException.class, error.getCause());
        assertEquals(1, simulator.messages().size());
    }

    @Test
    void statusCallbackIsSignedForTheSdkValidator() throws Exception {
        WebhookReceiver receiver = Await.result(WebhookReceiver.start(vertx));
        URI callback = URI.create(receiver.url("/sms/status"));
        Message.creator(TO, FROM, "hi").setStatusCallback(callback).create(client);

        RequestValidator validator = new RequestValidator(TOKEN);
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WebhookReceiver.Hit hit = receiver.next(WAIT);
            assertTrue(validator.validate(callback.toString(), hit.params(), hit.signature()));
            statuses.add(hit.param("MessageStatus"));
        }
        assertEquals(List.of("queued", "sent", "delivered"), statuses);
        Await.result(receiver.close());
    }

    @Test
    void createsAndFetchesACall() throws Exception {
        WebhookReceiver receiver = Await.result(WebhookReceiver.start(vertx));
        URI twiml = URI.create(receiver.url("/voice/twiml"));
        Call created = Call.creator(TO, FROM, twiml).setMachineDetection("Enable").create(client);

        assertTrue(created.getSid().matches("CA[0-9a-f]{32}"), created.getSid());
        assertEquals(Call.Status.QUEUED, created.getStatus());
        assertEquals(twiml.toString(), simulator.calls().get(0).param("Url"));
        WebhookReceiver.Hit answered = receiver.next(WAIT);
        assertEquals(created.getSid(), answered.param("CallSid"));
        assertEquals("human", answered.param("AnsweredBy"));

        long deadline = System.nanoTime() + WAIT.toNanos();
        Call fetched = Call.fetcher(created.getSid()).fetch(client);
        while (fetched.getStatus() != Call.Status.COMPLETED && System.nanoTime() < deadline) {
            Thread.sleep(50);
            fetched = Call.fetcher(created.getSid()).fetch(client);
        }
        assertEquals(Call.Status.COMPLETED, fetched.getStatus());
        assertEquals("human", fetched.getAnsweredBy());
        assertNotNull(fetched.getEndTime());
        Await.result(receiver.close());
    }

    private Message awaitStatus(String sid, Message.Status status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Message message = Message.fetcher(sid).fetch(client);
        while (message.getStatus() != status && System.nanoTime() < deadline) {
            Thread.sleep(50);
            message = Message.fetcher(sid).fetch(client);
        }
        assertEquals(status, message.getStatus());
        return message;
    }
}
