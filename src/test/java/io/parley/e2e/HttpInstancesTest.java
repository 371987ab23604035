package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.ServiceHarness;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The HTTP server as several verticles on one port: every request is answered, and the service stops cleanly. */
class HttpInstancesTest {
    private final ServiceHarness harness = new ServiceHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void severalServerVerticlesShareThePort() {
        Parley parley = harness.start(Map.of("http.instances", "3"));
        // connections of their own, so that they are spread over the server verticles
        WebClient fresh = WebClient.create(harness.vertx, new WebClientOptions().setKeepAlive(false));
        List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(fresh.request(HttpMethod.GET, parley.port(), "127.0.0.1", "/health/ready").send());
        }
        get(Future.all(calls));
        calls.forEach(call -> assertEquals(200, call.result().statusCode(), call.result().bodyAsString()));
        assertEquals(200, harness.call(parley, HttpMethod.GET, "/v1/events", ServiceHarness.READ_KEY, null)
                .statusCode());
        fresh.close();
        harness.stop(parley);
    }
}
