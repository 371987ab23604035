package io.parley.simulator.twilio;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An application's webhook endpoint on loopback: records every form POST Twilio (or the simulator) makes to it. */
public final class WebhookReceiver {
    /** One received POST: the URL it was made to, its X-Twilio-Signature and its form parameters. */
    public record Hit(String url, String signature, Map<String, String> params) {
        public String param(String name) {
            return params.get(name);
        }
    }

    private final BlockingQueue<Hit> hits = new LinkedBlockingQueue<>();
    private final AtomicInteger answerStatus = new AtomicInteger(204);
    private HttpServer server;

    public static Future<WebhookReceiver> start(Vertx vertx) {
        WebhookReceiver receiver = new WebhookReceiver();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false));
        router.post().handler(ctx -> {
            Map<String, String> params = new LinkedHashMap<>();
            ctx.request().formAttributes().forEach(params::put);
            String url = "http://127.0.0.1:" + receiver.port() + ctx.request().uri();
            receiver.hits.add(new Hit(url, ctx.request().getHeader("X-Twilio-Signature"), params));
            ctx.response().setStatusCode(receiver.answerStatus.get()).end();
        });
        return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").map(s -> {
            receiver.server = s;
            return receiver;
        });
    }

    public int port() {
        return server.actualPort();
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port() + pathAndQuery;
    }

    public void answerWith(int status) {
        answerStatus.set(status);
    }

    /** The next POST, waiting at most the given time for it. */
    public Hit next(Duration wait) throws InterruptedException {
        Hit hit = hits.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (hit == null) {
            throw new AssertionError("no webhook POST arrived within " + wait);
        }
        return hit;
    }

    /** Asserts that nothing more arrives within the given time. */
    public void assertQuiet(Duration wait) throws InterruptedException {
        Hit hit = hits.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (hit != null) {
            throw new AssertionError("unexpected webhook POST " + hit);
        }
    }

    public Future<Void> close() {
        return server.close();
    }
}
