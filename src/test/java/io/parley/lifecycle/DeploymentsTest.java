package io.parley.lifecycle;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Verticles start in the order given and stop in the reverse order. */
class DeploymentsTest {
    private final Vertx vertx = Vertx.vertx();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        get(vertx.close());
    }

    private final class Named extends VerticleBase {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public Future<?> start() {
            events.add("start " + name);
            return Future.succeededFuture();
        }

        @Override
        public Future<?> stop() {
            events.add("stop " + name);
            return Future.succeededFuture();
        }
    }

    @Test
    void startsInOrderAndStopsInReverse() {
        Deployments deployments = new Deployments(vertx);
        get(deployments.deploy(() -> new Named("server"), 2)
                .compose(v -> deployments.deploy(List.of(new Named("dispatcher"), new Named("deliverer")))));
        get(deployments.undeploy());
        assertEquals(List.of("start server", "start server", "start dispatcher", "start deliverer",
                "stop deliverer", "stop dispatcher", "stop server", "stop server"), events);
        assertEquals(0, vertx.deploymentIDs().size());
    }
}
