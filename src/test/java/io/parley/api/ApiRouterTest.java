package io.parley.api;

import io.parley.http.ApiResponse;
import io.parley.http.FieldError;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Requests are checked against the published description by Vert.x's OpenAPI router before any code of the API
 * reads them; a refusal still names each field, in the API's own words where its reader has them.
 */
class ApiRouterTest {
    private static Vertx vertx;
    private static WebClient client;
    private static int port;
    private static ApiContract contract;
    private static final AtomicInteger ENROLLED = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        contract = get(ApiContract.load(vertx));
        ApiRouter api = new ApiRouter(vertx, contract)
                .operation("createEnrollment", ctx -> EnrollmentReader.parse(JsonBody.of(ctx)), (ctx, request) -> {
                    ENROLLED.incrementAndGet();
                    new ApiResponse(201, new JsonObject().put("caseId", request.caseId())).send(ctx);
                });
        Router router = Router.router(vertx);
        router.route("/*").handler(BodyHandler.create(false));
        router.route("/*").subRouter(api.router());
        // routes other packages mount behind the API's router
        router.get("/v1/events").handler(ctx -> ctx.end("feed " + ctx.queryParams().get("after")));
        router.post("/webhooks/twilio/sms/status").handler(ctx -> ctx.response().setStatusCode(204).end());
        router.get("/optout/:token").handler(ctx -> ctx.end("opt-out page"));
        router.route().failureHandler(Problems.handler(0));
        router.route().last().handler(ctx -> ctx.fail(404));
        HttpServer server = get(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        port = server.actualPort();
        client = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() throws Exception {
        get(vertx.close());
    }

    @Test
    void aRequestTheDescriptionAcceptsIsServed() throws Exception {
        HttpResponse<Buffer> response = enroll(EnrollmentReaderTest.valid());
        assertEquals(201, response.statusCode(), response.bodyAsString());
    }

    /** Bodies the API has always taken as they are written: the description takes them too. */
    static Stream<Arguments> acceptedSpellings() {
        return Stream.of(
                arguments("locale in any case", (Consumer<JsonObject>) b -> EnrollmentReaderTest.debtor(b)
                        .put("locale", "EN-us")),
                arguments("country in lower case, blank region", (Consumer<JsonObject>) b -> EnrollmentReaderTest
                        .address(b).put("country", "us").put("region", " ")),
                arguments("channel in any case", (Consumer<JsonObject>) b -> EnrollmentReaderTest.debtor(b)
                        .getJsonArray("contactPoints").add(new JsonObject().put("channel", "WeChat")
                                .put("address", "wxid_ada42"))),
                arguments("a letter without an address", (Consumer<JsonObject>) b -> EnrollmentReaderTest.debtor(b)
                        .getJsonArray("contactPoints").add(new JsonObject().put("channel", "letter"))),
                arguments("balance as a number, before the due date", (Consumer<JsonObject>) b -> EnrollmentReaderTest
                        .account(b).put("balance", 99.9).put("daysPastDue", -5)),
                arguments("preferences sent back as they are shown", (Consumer<JsonObject>) b -> EnrollmentReaderTest
                        .debtor(b).put("preferences", new JsonObject().put("refusedChannels", new JsonArray().add("SMS"))
                                .put("inconvenientTimes", new JsonArray().add(new JsonObject()
                                        .put("days", new JsonArray().add("MONDAY").add("friday"))
                                        .put("from", "12:00").put("until", "13:30"))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedSpellings")
    void whatTheApiTakesTheDescriptionTakes(String name, Consumer<JsonObject> change) throws Exception {
        JsonObject body = EnrollmentReaderTest.valid();
        change.accept(body);
        HttpResponse<Buffer> response = enroll(body);
        assertEquals(201, response.statusCode(), response.bodyAsString());
    }

    @Test
    void whatOnlyTheDescriptionForbidsIsRefusedNamingTheField() throws Exception {
        JsonObject body = EnrollmentReaderTest.valid();
        EnrollmentReaderTest.point(body, 1).put("type", "WORK");
        int before = ENROLLED.get();

        HttpResponse<Buffer> response = enroll(body);

        assertEquals(422, response.statusCode(), response.bodyAsString());
        assertEquals(Problems.CONTENT_TYPE, response.getHeader("Content-Type"));
        assertEquals(List.of(new FieldError("debtor.contactPoints[1].type",
                "must be one of mobile, home, work, personal, family, employer, reference")), errors(response));
        assertEquals(before, ENROLLED.get(), "nothing read past the router");
    }

    @Test
    void theApisOwnWordsComeFirstAndTheDescriptionAddsWhatTheyMiss() throws Exception {
        JsonObject body = EnrollmentReaderTest.valid().put("caseId", "case 1");
        EnrollmentReaderTest.point(body, 1).put("type", "WORK");

        HttpResponse<Buffer> response = enroll(body);

        assertEquals(422, response.statusCode(), response.bodyAsString());
        assertEquals(List.of(
                new FieldError("caseId", "must be 1-128 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'"),
                new FieldError("debtor.contactPoints[1].type",
                        "must be one of mobile, home, work, personal, family, employer, reference")),
                errors(response));
    }

    @Test
    void aNullMemberIsAnAbsentOneAsTheApiHasAlwaysReadIt() throws Exception {
        JsonObject body = EnrollmentReaderTest.valid().putNull("startAt").putNull("sequenceVersion");
        EnrollmentReaderTest.debtor(body).putNull("timeZone");
        assertEquals(201, enroll(body).statusCode());

        HttpResponse<Buffer> missing = enroll(EnrollmentReaderTest.valid().putNull("caseId"));
        assertEquals(400, missing.statusCode(), missing.bodyAsString());
        assertEquals(List.of(new FieldError("caseId", "is required")), errors(missing));
    }

    @Test
    void aFieldBothRefuseIsNamedOnceAsTheApiSaysIt() throws Exception {
        HttpResponse<Buffer> response = enroll(EnrollmentReaderTest.valid().put("colour", "blue"));

        assertEquals(400, response.statusCode(), response.bodyAsString());
        assertEquals(List.of(new FieldError("colour", "is not a known field")), errors(response));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"limit=501, 400, limit", "after=abc, 400, after", "after=, 200, ", "after=12:3, 200, "})
    void operationsServedElsewhereAreCheckedFirst(String query, int status, String field) throws Exception {
        HttpResponse<Buffer> response = get(client.get(port, "127.0.0.1", "/v1/events?" + query).send());

        assertEquals(status, response.statusCode(), response.bodyAsString());
        if (field != null) {
            assertEquals(field, errors(response).get(0).field());
        }
    }

    @Test
    void signedWebhooksAndPagesForPeoplePassUnchecked() throws Exception {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("MessageStatus", "delivered");
        assertEquals(204, get(client.post(port, "127.0.0.1", "/webhooks/twilio/sms/status?attempt=x")
                .sendForm(form)).statusCode());
        HttpResponse<Buffer> page = get(client.get(port, "127.0.0.1", "/optout/short").send());
        assertEquals("opt-out page", page.bodyAsString());
    }

    @Test
    void whatTheDescriptionDoesNotDescribeFallsThroughToTheRoutesBehind() throws Exception {
        assertEquals(404, get(client.delete(port, "127.0.0.1", "/v1/enrollments").send()).statusCode());
        assertEquals(404, get(client.get(port, "127.0.0.1", "/v1/nowhere").send()).statusCode());
    }

    @Test
    void anOperationTheDescriptionDoesNotHaveCannotBeServed() {
        ApiRouter api = new ApiRouter(vertx, contract);
        assertThrows(IllegalArgumentException.class, () -> api.operation("deleteEverything", ctx -> ctx,
                (ctx, same) -> ctx.end()));
    }

    @Test
    void theRouterIsToldWhichBodiesItCannotRead() {
        for (String unread : List.of("receiveInboundEmail", "twilioSmsStatus", "twilioSmsInbound")) {
            assertTrue(contract.bodyUnread(unread), unread);
        }
        assertFalse(contract.bodyUnread("createEnrollment"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "#/debtor/contactPoints/0/address|debtor.contactPoints[0].address",
            "#/variables/first%20name|variables['first name']",
            "#/a~1b/c~0d|['a/b']['c~d']",
            "#|''"})
    void pointersReadAsJsonPaths(String pointer, String path) {
        assertEquals(path, JsonPaths.of(pointer, null));
    }

    private static HttpResponse<Buffer> enroll(JsonObject body) throws Exception {
        return get(client.post(port, "127.0.0.1", "/v1/enrollments").sendJsonObject(body));
    }

    private static List<FieldError> errors(HttpResponse<Buffer> response) {
        JsonArray errors = response.bodyAsJsonObject().getJsonArray("errors");
        return errors.stream().map(o -> (JsonObject) o)
                .map(e -> new FieldError(e.getString("field"), e.getString("message"))).toList();
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
