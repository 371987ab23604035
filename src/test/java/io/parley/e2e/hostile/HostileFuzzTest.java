package io.parley.e2e.hostile;

import io.parley.Parley;
import io.parley.testing.ServiceHarness;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated hostile requests against every operation of openapi.yaml: ids, JSON bodies (wrong types, NUL, lone
 * surrogates, huge and far-out values, duplicate members), forms and headers. Whatever comes, the answer is never a
 * 5xx, comes within five seconds, and a /v1 refusal of the body is a problem document naming a field.
 */
class HostileFuzzTest {
    private static ServiceHarness harness;
    private static Parley parley;
    private static final List<OpenApiRoutes.Route> ROUTES = OpenApiRoutes.load().routes();
    /** The bound on one answer: generous for a CI machine shared with other builds, far below a hang. */
    private static final int BOUND_SECONDS = 5;

    @BeforeContainer
    static void start() {
        harness = new ServiceHarness();
        parley = harness.start(Map.of("dispatch.enabled", "false"));
        HttpClient client = harness.vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false),
                new PoolOptions().setHttp1MaxSize(8));
        // the first request of a route loads its classes (seconds on a loaded machine): once each, untimed
        for (OpenApiRoutes.Route route : ROUTES) {
            try {
                UnknownIdsTest.send(client, parley.port(), route, route.path(UnknownIdsTest::unknown),
                        UnknownIdsTest.headers(route), UnknownIdsTest.body(route), 20);
            } catch (AssertionError ignored) {
                // the property reports it
            }
        }
    }

    @AfterContainer
    static void stop() {
        harness.close();
    }

    /** A request: the route, the value given for every id, the body, and a header. */
    record Hostile(OpenApiRoutes.Route route, String id, String body, String contentType, String requestId) {
    }

    @Provide
    Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars('\u0000', '\ud800', '\udfff', '\u202e', '/', '\'', '"', '%', '\\', 'a')
                        .ofMaxLength(12),
                Arbitraries.of("", " ", "a/b", "..", "%00", "x'; DROP TABLE case_event;--", "c".repeat(129),
                        "+999999999-01-01", "-0001-01-01", "0000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                        "1e999999", "NaN", "null", "{}", "[]", "\u0000", "\ud83d", "ALEX.MORGAN@EXAMPLE.COM",
                        "+16465550100", "STOP", "x".repeat(5000)));
    }

    Arbitrary<Object> value(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(hostileText().map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<Object> object = Combinators.combine(hostileText().list().ofMaxSize(4),
                        value(depth - 1).list().ofMaxSize(4))
                .as((keys, values) -> {
                    JsonObject o = new JsonObject();
                    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
                        o.put(keys.get(i), values.get(i));
                    }
                    return (Object) o;
                });
        Arbitrary<Object> array = value(depth - 1).list().ofMaxSize(4).map(l -> (Object) new JsonArray(l));
        return Arbitraries.oneOf(leaf, object, array);
    }

    /** The route's own example with one member replaced, a whole generated value, a duplicate member, or junk. */
    Arbitrary<String> body(OpenApiRoutes.Route route) {
        JsonObject example = route.exampleJson();
        List<String> members = List.copyOf(example.fieldNames());
        Arbitrary<String> mutated = members.isEmpty() ? value(2).map(String::valueOf)
                : Combinators.combine(Arbitraries.of(members), value(1)).as((member, v) ->
                example.copy().put(member, v).encode());
        Arbitrary<String> duplicate = members.isEmpty() ? Arbitraries.just("{\"a\":1,\"a\":2}")
                : Arbitraries.of(members).map(m -> example.encode().replaceFirst("^\\{",
                "{\"" + m + "\":\"dup\","));
        Arbitrary<String> form = Combinators.combine(hostileText(), hostileText()).as((k, v) ->
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)
                        + "&Body=" + v);
        return Arbitraries.oneOf(mutated, duplicate, value(2).map(v -> v == null ? "null" : v instanceof String s
                ? "\"" + s + "\"" : String.valueOf(v)), hostileText(), form);
    }

    @Provide
    Arbitrary<Hostile> requests() {
        return Arbitraries.of(ROUTES).flatMap(route -> Combinators.combine(hostileText(), body(route),
                Arbitraries.of("application/json", "application/json; charset=latin1", "text/plain",
                        "application/x-www-form-urlencoded", "message/rfc822", "application/json\u0000"),
                hostileText()).as((id, body, type, requestId) -> new Hostile(route, id, body,
                route.mediaType() != null && !type.contains("json") ? type : route.mediaType() == null ? type
                        : type.startsWith("application/json") ? route.mediaType() : type, requestId)));
    }

    /** One exchange on a client of its own (a connection the server closed cannot hold up the next try). */
    private static UnknownIdsTest.Answer once(OpenApiRoutes.Route route, String path, MultiMap headers, Hostile h) {
        HttpClient own = harness.vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
        try {
            return UnknownIdsTest.send(own, parley.port(), route, path, headers,
                    Buffer.buffer(h.body().getBytes(StandardCharsets.UTF_8)), BOUND_SECONDS);
        } finally {
            own.close();
        }
    }

    @Property(tries = 400, seed = "20261204")
    void noHostileRequestGetsA5xxOrHangs(@ForAll("requests") Hostile h) {
        OpenApiRoutes.Route route = h.route();
        String path = route.path(p -> URLEncoder.encode(h.id(), StandardCharsets.UTF_8).replace("+", "%20"));
        MultiMap headers = UnknownIdsTest.headers(route);
        headers.set("Content-Type", h.contentType().replace('\u0000', ' '));
        if (h.requestId().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            headers.set("X-Request-Id", h.requestId());
        }
        UnknownIdsTest.Answer answer;
        try {
            answer = once(route, path, headers, h);
        } catch (AssertionError first) {
            // a lost answer is asked again once, on a new connection: a request that hangs, hangs again
            try {
                answer = once(route, path, headers, h);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " (twice) to " + new JsonObject().put("path", path)
                        .put("type", h.contentType()).put("body", h.body()).encode(), e);
            }
        }
        assertTrue(answer.status() < 500, route + " " + path + " answered " + answer.status() + " " + answer.body()
                + " to " + h);
        if (path.startsWith("/v1/") && answer.status() >= 400) {
            assertEquals("application/problem+json", answer.contentType(), route + ": " + answer.body());
            JsonObject problem = new JsonObject(answer.body());
            if (answer.status() == 400 || answer.status() == 422) {
                assertFalse(problem.getJsonArray("errors").isEmpty() && problem.getString("detail").isBlank(),
                        route + ": " + answer.body());
            }
        }
    }
}
