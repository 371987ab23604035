package io.parley.api;

import io.parley.enrollment.EnrollmentRequest;
import io.parley.http.ApiProblem;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Failures of real routes, through a real router and HTTP server, come back as problem+json. */
class ProblemsTest {
    private static final int MAX_BODY = 256;

    private static Vertx vertx;
    private static HttpServer server;
    private static WebClient client;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        Handler<RoutingContext> problems = Problems.handler(MAX_BODY);
        router.route().handler(RequestIds.handler(java.time.Duration.ofMillis(300)));
        router.route().handler(BodyHandler.create().setBodyLimit(MAX_BODY));
        router.get("/v1/lost").handler(ctx -> {
            // a handler that drops its request: an exception thrown from a callback reaches no one
        });
        router.get("/v1/thrown-in-callback").handler(ctx -> vertx.timer(1).onSuccess(t -> {
            throw new IllegalStateException("Not found");
        }));
        router.post("/v1/enrollments").handler(ctx -> {
            EnrollmentRequest request = EnrollmentReader.parse(JsonBody.of(ctx));
            ctx.json(new JsonObject().put("caseId", request.caseId()));
        });
        router.post("/v1/raw").handler(ctx -> ctx.json(ctx.body().asJsonObject()));
        router.post("/v1/cases/:caseId/events").handler(ctx -> {
            throw new IllegalStateException("connection to db-primary:5432 refused (password=hunter2)");
        });
        router.get("/v1/enrollments/:id").handler(ctx -> ctx.fail(ApiProblem.notFound("enrollment " + ctx.pathParam("id"))));
        router.get("/v1/secured").handler(ctx -> ctx.fail(401));
        router.get("/v1/forbidden").handler(ctx -> ctx.fail(403));
        router.get("/v1/busy").handler(ctx -> ctx.fail(429));
        router.get("/v1/async").handler(ctx -> vertx.<Void>executeBlocking(() -> {
            throw ApiProblem.conflict("enrollment e-1 is already cancelled");
        }).onFailure(ctx::fail));
        router.route().failureHandler(problems);
        router.errorHandler(404, problems).errorHandler(405, problems).errorHandler(500, problems);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static Stream<Arguments> failures() {
        String json = "application/json";
        return Stream.of(
                arguments(HttpMethod.POST, "/v1/enrollments", json, "{\"caseId\": 7", 400, "malformed-request",
                        "the request body is not valid JSON"),
                arguments(HttpMethod.POST, "/v1/raw", json, "{\"caseId\": }", 400, "malformed-request",
                        "the request body is not valid JSON"),
                arguments(HttpMethod.POST, "/v1/enrollments", json, "[1, 2]", 400, "malformed-request",
                        "the request body must be a JSON object"),
                arguments(HttpMethod.POST, "/v1/enrollments", json, "", 400, "malformed-request",
                        "the request body is empty; a JSON object is expected"),
                arguments(HttpMethod.POST, "/v1/enrollments", json, "{\"caseId\": 7, \"sequence\": \"s\"}", 400,
                        "malformed-request", "3 fields are invalid; see errors"),
                arguments(HttpMethod.POST, "/v1/enrollments", "text/plain", "{}", 415, "unsupported-media-type",
                        "the request body must be application/json"),
                arguments(HttpMethod.POST, "/v1/enrollments", json, "{\"pad\": \"" + "x".repeat(MAX_BODY) + "\"}",
                        413, "payload-too-large", "the request body exceeds the limit of 256 bytes"),
                arguments(HttpMethod.GET, "/v1/enrollments/e-9", null, null, 404, "not-found",
                        "enrollment e-9 was not found"),
                arguments(HttpMethod.GET, "/v1/nowhere", null, null, 404, "not-found",
                        "the requested resource was not found"),
                arguments(HttpMethod.DELETE, "/v1/enrollments", null, null, 405, "method-not-allowed",
                        "the resource does not support this HTTP method"),
                arguments(HttpMethod.GET, "/v1/secured", null, null, 401, "unauthorized",
                        "a valid bearer token is required"),
                arguments(HttpMethod.GET, "/v1/forbidden", null, null, 403, "forbidden",
                        "the API key is not allowed to perform this operation"),
                arguments(HttpMethod.GET, "/v1/async", null, null, 409, "conflict",
                        "enrollment e-1 is already cancelled"),
                arguments(HttpMethod.GET, "/v1/busy", null, null, 429, null, "Too Many Requests"));
    }

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @MethodSource("failures")
    void writesFailuresAsProblemJson(HttpMethod method, String path, String contentType, String body, int status,
                                     String slug, String detail) throws Exception {
        HttpResponse<Buffer> response = send(method, path, contentType, body);

        assertEquals(status, response.statusCode());
        assertEquals(Problems.CONTENT_TYPE, response.getHeader("Content-Type"));
        JsonObject problem = response.bodyAsJsonObject();
        assertEquals(slug == null ? "about:blank" : "https://parley.dev/problems/" + slug, problem.getString("type"));
        assertEquals(status, problem.getInteger("status"));
        assertEquals(detail, problem.getString("detail"));
        if (status == 401) {
            assertEquals("Bearer", response.getHeader("WWW-Authenticate"));
        }
    }

    @Test
    void namesTheFieldsOfAnInvalidCommand() throws Exception {
        JsonObject problem = send(HttpMethod.POST, "/v1/enrollments", "application/json",
                "{\"caseId\": 7, \"sequence\": \"s\"}").bodyAsJsonObject();

        assertEquals(List.of(
                        new JsonObject().put("field", "caseId").put("message", "must be a string"),
                        new JsonObject().put("field", "debtor").put("message", "is required"),
                        new JsonObject().put("field", "account").put("message", "is required")),
                problem.getJsonArray("errors").stream().toList());
    }

    @Test
    void hidesTheCauseOfAnUnexpectedFailure() throws Exception {
        HttpResponse<Buffer> response = send(HttpMethod.POST, "/v1/cases/c-1/events", "application/json", "{}");

        assertEquals(500, response.statusCode());
        JsonObject problem = response.bodyAsJsonObject();
        assertEquals("https://parley.dev/problems/internal", problem.getString("type"));
        assertFalse(response.bodyAsString().contains("hunter2"), response.bodyAsString());
        assertFalse(response.bodyAsString().contains("db-primary"), response.bodyAsString());
    }

    @Test
    void aLostRequestIsAnswered500WithTheRequestIdTheLogCarries() throws Exception {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Problems.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            for (String path : List.of("/v1/lost", "/v1/thrown-in-callback")) {
                long started = System.nanoTime();
                HttpResponse<Buffer> response = send(HttpMethod.GET, path, null, null);
                assertTrue(System.nanoTime() - started < 5_000_000_000L, path);
                assertEquals(500, response.statusCode(), path);
                assertEquals(Problems.CONTENT_TYPE, response.getHeader("Content-Type"));
                String id = response.getHeader(RequestIds.HEADER);
                assertTrue(id != null && !id.isBlank(), path);
                assertTrue(response.bodyAsJsonObject().getString("detail").endsWith("request id " + id),
                        response.bodyAsString());
                assertTrue(logged.list.stream().anyMatch(e -> e.getFormattedMessage().contains(id)),
                        "the log line names request " + id);
            }
        } finally {
            logger.detachAppender(logged);
        }
    }

    @Test
    void everyAnswerCarriesARequestIdAndKeepsTheCallersOwn() throws Exception {
        var mine = client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/v1/secured")
                .putHeader(RequestIds.HEADER, "proxy-1234.abcd").send()
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("proxy-1234.abcd", mine.getHeader(RequestIds.HEADER));
        var hostile = client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/v1/secured")
                .putHeader(RequestIds.HEADER, "x\u202e<script>").send()
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertNotEquals("x\u202e<script>", hostile.getHeader(RequestIds.HEADER));
        assertTrue(hostile.getHeader(RequestIds.HEADER).matches("[0-9a-f-]{36}"));
    }

    private static HttpResponse<Buffer> send(HttpMethod method, String path, String contentType, String body)
            throws Exception {
        var request = client.request(method, server.actualPort(), "127.0.0.1", path);
        if (contentType != null) {
            request.putHeader("Content-Type", contentType);
        }
        var future = body == null ? request.send() : request.sendBuffer(Buffer.buffer(body));
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
