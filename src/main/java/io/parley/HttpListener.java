package io.parley;

import io.parley.api.InvalidRequests;
import io.parley.config.Http;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

import java.util.concurrent.TimeUnit;

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
        Http.Limits limits = http.limits();
        HttpServerOptions options = new HttpServerOptions()
                .setMaxInitialLineLength(limits.maxRequestLineBytes())
                .setMaxHeaderSize(limits.maxHeaderBytes())
                .setMaxFormFields(limits.maxFormFields())
                .setMaxFormAttributeSize(limits.maxFormFieldBytes())
                .setIdleTimeout((int) Math.max(1, limits.idleTimeout().toSeconds()))
                .setIdleTimeoutUnit(TimeUnit.SECONDS);
        return vertx.createHttpServer(options)
                .invalidRequestHandler(InvalidRequests.handler(limits.maxRequestLineBytes(), limits.maxHeaderBytes()))
                .requestHandler(router).listen(http.port(), http.host())
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
