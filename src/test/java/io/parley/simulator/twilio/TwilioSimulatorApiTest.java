package io.parley.simulator.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated REST API over loopback HTTP, checked against Twilio's published resource and error formats, and its
 * injected faults.
 */
class TwilioSimulatorApiTest {
    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";
    /** The properties of api.v2010.account.message in Twilio's OpenAPI description, 2010-04-01. */
    private static final Set<String> MESSAGE_PROPERTIES = Set.of("body", "num_segments", "direction", "from", "to",
            "date_updated", "price", "error_message", "uri", "account_sid", "num_media", "status",
            "messaging_service_sid", "sid", "date_sent", "date_created", "error_code", "price_unit", "api_version",
            "subresource_uris");
    private static final Pattern RFC_2822 = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
                    + "\\d{2}:\\d{2}:\\d{2} \\+0000");

    private Vertx vertx;
    private TwilioSimulator simulator;
    private WebClient http;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        simulator = Await.result(TwilioSimulator.start(vertx, new TwilioSimulator.Settings("127.0.0.1", 0, ACCOUNT,
                TOKEN, Duration.ofMillis(50))));
        http = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        Await.result(simulator.close());
        Await.result(vertx.close());
    }

    @Test
    void createAnswersWithTheMessageResource() {
        HttpResponse<Buffer> response = createMessage(ACCOUNT, TOKEN, form("+15005550009", "Your balance is due"));

        assertEquals(201, response.statusCode());
        assertTrue(response.getHeader("Content-Type").startsWith("application/json"));
        JsonObject message = response.bodyAsJsonObject();
        assertEquals(MESSAGE_PROPERTIES, message.fieldNames());
        assertTrue(message.getString("sid").matches("SM[0-9a-f]{32}"), message.getString("sid"));
        assertEquals(ACCOUNT, message.getString("account_sid"));
        assertEquals("queued", message.getString("status"));
        assertEquals("outbound-api", message.getString("direction"));
        assertEquals("2010-04-01", message.getString("api_version"));
        assertEquals("1", message.getString("num_segments"));
        assertEquals("0", message.getString("num_media"));
        assertEquals("+15005550006", message.getString("from"));
        assertEquals("+15005550009", message.getString("to"));
        assertTrue(RFC_2822.matcher(message.getString("date_created")).matches(), message.getString("date_created"));
        assertNull(message.getValue("date_sent"));
        assertNull(message.getValue("price"));
        assertNull(message.getValue("error_code"));
        assertEquals("/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + message.getString("sid") + ".json",
                message.getString("uri"));
        assertEquals(1, simulator.messages().size());
        assertEquals("Your balance is due", simulator.messages().get(0).param("Body"));
    }

    @Test
    void wrongCredentialsGetTwilioAuthenticationError() {
        HttpResponse<Buffer> response = createMessage(ACCOUNT, "wrong", form("+15005550009", "hi"));

        assertEquals(401, response.statusCode());
        JsonObject error = response.bodyAsJsonObject();
        assertEquals(20003, error.getInteger("code"));
        assertEquals(401, error.getInteger("status"));
        assertEquals("Authenticate", error.getString("message"));
        assertEquals("https://www.twilio.com/docs/errors/20003", error.getString("more_info"));
        assertTrue(simulator.messages().isEmpty());
    }

    @Test
    void anotherAccountInThePathIsNotFound() {
        String other = "ACffffffffffffffffffffffffffffffff";
        HttpResponse<Buffer> response = Await.result(http.postAbs(simulator.baseUrl() + "/2010-04-01/Accounts/"
                        + other + "/Messages.json").basicAuthentication(ACCOUNT, TOKEN)
                .sendForm(form("+15005550009", "hi")));

        assertEquals(404, response.statusCode());
        assertEquals(20404, response.bodyAsJsonObject().getInteger("code"));
        assertEquals(404, response.bodyAsJsonObject().getInteger("status"));
    }

    @Test
    void validationErrorsUseTwilioBody() {
        HttpResponse<Buffer> response = createMessage(ACCOUNT, TOKEN, form("555", "hi"));

        assertEquals(400, response.statusCode());
        JsonObject error = response.bodyAsJsonObject();
        assertEquals(21211, error.getInteger("code"));
        assertEquals(400, error.getInteger("status"));
        assertEquals("Invalid 'To' Phone Number: 555", error.getString("message"));
        assertEquals("https://www.twilio.com/docs/errors/21211", error.getString("more_info"));
    }

    @Test
    void unknownMessageIsNotFound() {
        HttpResponse<Buffer> response = get("/Messages/SM00000000000000000000000000000000.json");

        assertEquals(404, response.statusCode());
        assertEquals(20404, response.bodyAsJsonObject().getInteger("code"));
    }

    @Test
    void listsNewestFirstInTwilioPages() {
        for (String body : new String[] {"one", "two", "three"}) {
            createMessage(ACCOUNT, TOKEN, form("+15005550009", body));
        }
        createMessage(ACCOUNT, TOKEN, form("+15005550010", "elsewhere"));

        JsonObject first = get("/Messages.json?To=%2B15005550009&PageSize=2").bodyAsJsonObject();
        assertEquals(0, first.getInteger("page"));
        assertEquals(2, first.getInteger("page_size"));
        assertEquals(0, first.getInteger("start"));
        assertEquals(1, first.getInteger("end"));
        assertNull(first.getValue("previous_page_uri"));
        assertEquals("three", first.getJsonArray("messages").getJsonObject(0).getString("body"));
        assertEquals("two", first.getJsonArray("messages").getJsonObject(1).getString("body"));

        String next = first.getString("next_page_uri");
        assertTrue(next.startsWith("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json?To=%2B15005550009"), next);
        JsonObject second = Await.result(http.getAbs(simulator.baseUrl() + next)
                .basicAuthentication(ACCOUNT, TOKEN).send()).bodyAsJsonObject();
        assertEquals(1, second.getInteger("page"));
        assertEquals(1, second.getJsonArray("messages").size());
        assertEquals("one", second.getJsonArray("messages").getJsonObject(0).getString("body"));
        assertNull(second.getValue("next_page_uri"));
        assertNotNull(second.getString("previous_page_uri"));
    }

    @Test
    void injectedRateLimitCarriesRetryAfterThenClears() {
        simulator.failNext(2, 429, Duration.ofMillis(2500));

        for (int i = 0; i < 2; i++) {
            HttpResponse<Buffer> limited = createMessage(ACCOUNT, TOKEN, form("+15005550009", "hi"));
            assertEquals(429, limited.statusCode());
            assertEquals("3", limited.getHeader("Retry-After"));
            assertEquals(20429, limited.bodyAsJsonObject().getInteger("code"));
            assertEquals(429, limited.bodyAsJsonObject().getInteger("status"));
        }
        assertEquals(201, createMessage(ACCOUNT, TOKEN, form("+15005550009", "hi")).statusCode());
        assertEquals(1, simulator.messages().size());
    }

    @Test
    void injectedServerErrorUsesTwilioBody() {
        simulator.failNext(1, 503, null);

        HttpResponse<Buffer> response = createMessage(ACCOUNT, TOKEN, form("+15005550009", "hi"));

        assertEquals(503, response.statusCode());
        assertNull(response.getHeader("Retry-After"));
        assertEquals(20503, response.bodyAsJsonObject().getInteger("code"));
        assertEquals(503, response.bodyAsJsonObject().getInteger("status"));
    }

    @Test
    void latencyDelaysTheCreateWithoutHoldingOtherRequests() {
        simulator.latency(Duration.ofMillis(600));
        long started = System.nanoTime();
        var slow = http.postAbs(simulator.baseUrl() + "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json")
                .basicAuthentication(ACCOUNT, TOKEN).sendForm(form("+15005550009", "hi"));

        HttpResponse<Buffer> meanwhile = get("/Messages.json");
        long meanwhileMillis = (System.nanoTime() - started) / 1_000_000;
        HttpResponse<Buffer> created = Await.result(slow);
        long createMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(200, meanwhile.statusCode());
        assertTrue(meanwhileMillis < 500, "list answered after " + meanwhileMillis + " ms");
        assertEquals(201, created.statusCode());
        assertTrue(createMillis >= 600, "create answered after " + createMillis + " ms");
    }

    @Test
    void resetForgetsEverything() {
        createMessage(ACCOUNT, TOKEN, form("+15005550009", "hi"));
        simulator.failNext(5, 500, null);

        simulator.reset();

        assertTrue(simulator.messages().isEmpty());
        assertEquals(0, get("/Messages.json").bodyAsJsonObject().getJsonArray("messages").size());
    }

    private HttpResponse<Buffer> createMessage(String account, String token, MultiMap form) {
        return Await.result(http.postAbs(simulator.baseUrl() + "/2010-04-01/Accounts/" + account + "/Messages.json")
                .basicAuthentication(account, token)
                .sendForm(form));
    }

    private HttpResponse<Buffer> get(String path) {
        return Await.result(http.getAbs(simulator.baseUrl() + "/2010-04-01/Accounts/" + ACCOUNT + path)
                .basicAuthentication(ACCOUNT, TOKEN).send());
    }

    static MultiMap form(String to, String body) {
        return MultiMap.caseInsensitiveMultiMap().add("To", to).add("From", "+15005550006").add("Body", body);
    }

    @Test
    void aResetBeforeReadingCreatesNothing() {
        simulator.resetNext(1, false);
        assertTrue(failure(send()) instanceof java.net.SocketException);
        assertEquals(0, simulator.messages().size());
        assertEquals(201, Await.result(send()).statusCode(), "only the next request");
        assertEquals(1, simulator.messages().size());
    }

    @Test
    void aResetAfterAcceptingLeavesTheMessageCreated() {
        simulator.resetNext(1, true);
        assertTrue(failure(send()) instanceof java.net.SocketException);
        assertEquals(1, simulator.messages().size(), "taken, though the client never heard so");
        assertEquals(201, Await.result(send()).statusCode());
    }

    @Test
    void refusedConnectionsReachNothingUntilItListensAgain() {
        int port = simulator.port();
        Await.result(simulator.stopListening());
        assertTrue(failure(send()) instanceof java.net.ConnectException);
        Await.result(simulator.listenAgain());
        assertEquals(port, simulator.port());
        assertEquals(201, Await.result(send()).statusCode());
        assertEquals(1, simulator.messages().size());
    }

    private io.vertx.core.Future<HttpResponse<Buffer>> send() {
        return http.postAbs(simulator.baseUrl() + "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json")
                .basicAuthentication(ACCOUNT, TOKEN).sendForm(form("+15005550009", "hi"));
    }

    /** How a request that got no answer failed. */
    private static Throwable failure(io.vertx.core.Future<HttpResponse<Buffer>> request) {
        return Await.result(request.transform(ar -> ar.succeeded()
                ? io.vertx.core.Future.failedFuture(new AssertionError("answered " + ar.result().statusCode()))
                : io.vertx.core.Future.succeededFuture(ar.cause())));
    }
}
