package io.parley;

import io.parley.config.Http;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * One HTTP server verticle serving the service's routes. Several instances share the port, each on an event loop
 * of its own; Vert.x spreads connections over them.
 */
final class HttpListener extends VerticleBase {
    private final Router router;
    private final Http http;
    private HttpServer server;

    HttpListener(Router router, Http http) {
        this.router = router;
        this.http = http;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer().requestHandler(router).listen(http.port(), http.host())
                .onSuccess(listening -> server = listening);
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    int port() {
        return server.actualPort();
    }
}
