package io.parley.simulator.twilio;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** The HTTP routes of the simulated Twilio REST API, version 2010-04-01. */
final class TwilioApiRoutes {
    private static final String ACCOUNT = "/2010-04-01/Accounts/(?<AccountSid>[^/]+)";
    private static final String SID = "(?<Sid>[^/.]+)";
    private static final long BODY_LIMIT = 64 * 1024;

    private TwilioApiRoutes() {
    }

    static Router router(Vertx vertx, ApiGuard guard, MessagesEndpoint messages, CallsEndpoint calls) {
        Router router = Router.router(vertx);
        router.routeWithRegex(ACCOUNT + "/.*").handler(guard);
        router.routeWithRegex(ACCOUNT + "/.*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        router.postWithRegex(ACCOUNT + "/Messages\\.json").handler(messages::create);
        router.getWithRegex(ACCOUNT + "/Messages\\.json").handler(messages::list);
        router.getWithRegex(ACCOUNT + "/Messages/" + SID + "\\.json").handler(messages::fetch);
        router.postWithRegex(ACCOUNT + "/Calls\\.json").handler(calls::create);
        router.getWithRegex(ACCOUNT + "/Calls\\.json").handler(calls::list);
        router.getWithRegex(ACCOUNT + "/Calls/" + SID + "\\.json").handler(calls::fetch);
        router.route().last().handler(ctx -> ApiReply.error(ctx, TwilioError.notFound(ctx.request().path())));
        return router;
    }
}
