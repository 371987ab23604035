package io.parley.console;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The operator console: static pages and ES modules from the jar (resources under {@code console/}), served at
 * {@code /console/}. They call the same {@code /v1} API with the API key the user signs in with; nothing here
 * reads a key or the database. The pages load nothing from anywhere else, and the policy says so to the browser.
 */
public final class ConsoleRoutes {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private ConsoleRoutes() {
    }

    public static void mount(Router router) {
        // a route path matches with or without its trailing slash: only the bare path is sent on to the index
        router.get("/console").handler(ctx -> {
            if (ctx.request().path().equals("/console")) {
                ctx.redirect("/console/");
            } else {
                ctx.next();
            }
        });
        StaticHandler files = StaticHandler.create("console").setIndexPage("index.html").setCachingEnabled(false)
                .setDirectoryListing(false);
        router.get("/console/*").handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", POLICY)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("Cache-Control", "no-cache");
            ctx.next();
        }).handler(files);
    }
}
