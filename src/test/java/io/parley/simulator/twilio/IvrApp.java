package io.parley.simulator.twilio;

import com.twilio.security.RequestValidator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny IVR application for the callee tests: answers each path with fixed TwiML, refuses requests whose
 * X-Twilio-Signature does not verify, and records the form of every request it accepted.
 */
final class IvrApp {
    /** One accepted request: its path and form. */
    record Request(String path, Map<String, String> params) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    static Future<IvrApp> start(Vertx vertx, String authToken, Map<String, String> twimlByPath) {
        IvrApp app = new IvrApp();
        RequestValidator validator = new RequestValidator(authToken);
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false));
        router.post().handler(ctx -> {
            Map<String, String> params = new java.util.HashMap<>();
            ctx.request().formAttributes().forEach(params::put);
            String url = app.url(ctx.request().uri());
            if (!validator.validate(url, params, ctx.request().getHeader("X-Twilio-Signature"))) {
                ctx.response().setStatusCode(403).end();
                return;
            }
            app.requests.add(new Request(ctx.request().path(), params));
            String twiml = twimlByPath.get(ctx.request().path());
            if (twiml == null) {
                ctx.response().setStatusCode(204).end();
                return;
            }
            ctx.response().putHeader("Content-Type", "text/xml").end("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Response>" + twiml + "</Response>");
        });
        return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").map(s -> {
            app.server = s;
            return app;
        });
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.actualPort() + pathAndQuery;
    }

    List<String> paths() {
        return requests.stream().map(Request::path).toList();
    }

    Future<Void> close() {
        return server.close();
    }
}
