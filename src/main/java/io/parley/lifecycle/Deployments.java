package io.parley.lifecycle;

import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** Verticles deployed one after another, in order, and undeployed in the reverse order. */
public final class Deployments {
    private static final Logger LOG = LoggerFactory.getLogger(Deployments.class);

    private final Vertx vertx;
    private final Deque<String> deployed = new ArrayDeque<>();

    public Deployments(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Deploys instances of one verticle (each from the supplier) as one deployment. */
    public Future<Void> deploy(Supplier<? extends Deployable> verticle, int instances) {
        return vertx.deployVerticle(verticle, new DeploymentOptions().setInstances(instances))
                .onSuccess(deployed::push).mapEmpty();
    }

    /** Deploys each in turn, the next once the previous has started. */
    public Future<Void> deploy(List<? extends Deployable> verticles) {
        Future<Void> chain = Future.succeededFuture();
        for (Deployable verticle : verticles) {
            chain = chain.compose(v -> vertx.deployVerticle(verticle).onSuccess(deployed::push).mapEmpty());
        }
        return chain;
    }

    /** Undeploys everything deployed here, the last first, each once the one after it has stopped. */
    public Future<Void> undeploy() {
        if (deployed.isEmpty()) {
            return Future.succeededFuture();
        }
        String id = deployed.pop();
        return vertx.undeploy(id)
                .recover(err -> {
                    LOG.warn("A verticle did not stop cleanly", err);
                    return Future.succeededFuture();
                })
                .compose(v -> undeploy());
    }
}
