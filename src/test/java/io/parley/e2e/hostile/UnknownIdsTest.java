package io.parley.e2e.hostile;

import io.parley.Parley;
import io.parley.testing.ServiceHarness;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Walks every operation of openapi.yaml with ids nobody knows (and its own example body): each answers within a
 * second, never with a 5xx, and every /v1 refusal is a problem document.
 */
class UnknownIdsTest {
    private static ServiceHarness harness;
    private static Parley parley;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        harness = new ServiceHarness();
        parley = harness.start(Map.of("dispatch.enabled", "false"));
        // one connection per request: a stream reset or a refusal that closes its connection touches no other route
        client = harness.vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setKeepAlive(false),
                new io.vertx.core.http.PoolOptions().setHttp1MaxSize(8));
        // the first request of each route loads its classes: warm them once, then hold every route to a second
        for (OpenApiRoutes.Route route : OpenApiRoutes.load().routes()) {
            try {
                send(client, parley.port(), route, route.path(p -> "warm-" + unknown(p)), headers(route), body(route),
                        10);
            } catch (AssertionError ignored) {
                // the walk below reports it
            }
        }
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    static String unknown(String parameter) {
        return switch (parameter) {
            case "attemptId" -> UUID.randomUUID().toString();
            case "kind" -> "dispute";
            case "name" -> "no-such-sequence";
            default -> "no-such-" + parameter.toLowerCase();
        };
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersUnknownIdsWithinASecond() {
        return OpenApiRoutes.load().routes().stream().map(route -> DynamicTest.dynamicTest(route.toString(), () -> {
            String path = route.path(UnknownIdsTest::unknown);
            Answer answer = sendWithinASecond(route, path);
            assertTrue(answer.status() < 500, route + " answered " + answer.status() + " " + answer.body());
            if (path.startsWith("/v1/") && answer.status() >= 400) {
                assertEquals("application/problem+json", answer.contentType(), route + ": " + answer.body());
            }
            if (route.template().equals("/v1/debtors/{debtorId}")) {
                assertEquals(404, answer.status(), answer.body());
                assertTrue(answer.body().contains("no-such-debtorid"), answer.body());
            }
        }));
    }

    static MultiMap headers(OpenApiRoutes.Route route) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + ServiceHarness.ADMIN_KEY);
        if (route.mediaType() != null) {
            headers.add("Content-Type", route.mediaType());
        }
        return headers;
    }

    static Buffer body(OpenApiRoutes.Route route) {
        if (route.mediaType() == null) {
            return null;
        }
        return route.mediaType().contains("json") ? route.exampleJson().toBuffer() : Buffer.buffer("a=b");
    }

    /**
     * The route's answer within a second. On a shared two-core machine a full test run can stall the service for
     * longer than that now and then (a collection, another process's burst), so a miss is asked once more: a route
     * that never answers (the fault this test guards against) misses both times.
     */
    private static Answer sendWithinASecond(OpenApiRoutes.Route route, String path) {
        try {
            return send(client, parley.port(), route, path, headers(route), body(route), 1);
        } catch (AssertionError missed) {
            return send(client, parley.port(), route, path, headers(route), body(route), 1);
        }
    }

    /** A status, content type and body (empty for a stream), or a failure when nothing came within a second. */
    record Answer(int status, String contentType, String body) {
    }

    static Answer send(HttpClient client, int port, OpenApiRoutes.Route route, String path, MultiMap headers,
                       Buffer body, int seconds) {
        RequestOptions options = new RequestOptions().setMethod(route.method()).setHost("127.0.0.1").setPort(port)
                .setURI(path).setHeaders(headers).setIdleTimeout(seconds * 1000L);
        Future<Answer> answer = client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> read(response));
        try {
            return answer.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return fail(route + " gave no answer within " + seconds + " s");
        } catch (Exception e) {
            return fail(route + " failed: " + e);
        }
    }

    private static Future<Answer> read(HttpClientResponse response) {
        String type = response.getHeader("Content-Type");
        if (type != null && type.startsWith("text/event-stream")) {
            response.request().connection().close(); // a stream never ends: give its connection back
            return Future.succeededFuture(new Answer(response.statusCode(), type, ""));
        }
        return response.body().map(b -> new Answer(response.statusCode(), type, b.toString()));
    }
}
