package io.parley.simulator.twilio;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * What every API request goes through before its endpoint: HTTP Basic authentication with the account's sid and auth
 * token (20003), the account in the path (20404), then any injected failure (a connection reset before the request
 * is read, or 429 or 5xx).
 */
final class ApiGuard implements Handler<RoutingContext> {
    private final SimulatedAccount account;
    private final byte[] expectedAuthorization;

    ApiGuard(SimulatedAccount account, String authToken) {
        this.account = account;
        String credentials = account.accountSid() + ":" + authToken;
        this.expectedAuthorization = ("Basic " + Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!authenticated(ctx.request().getHeader("Authorization"))) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            ApiReply.error(ctx, TwilioError.authenticate());
            return;
        }
        if (!account.accountSid().equals(ctx.pathParam("AccountSid"))) {
            ApiReply.error(ctx, TwilioError.notFound(ctx.request().path()));
            return;
        }
        if (account.faults().takeDrop(Faults.Drop.BEFORE_READING, isCallCreate(ctx))) {
            ApiReply.reset(ctx);
            return;
        }
        account.faults().take().ifPresentOrElse(failure -> {
            failure.retryAfterHeader().ifPresent(seconds -> ctx.response().putHeader("Retry-After", seconds));
            ApiReply.error(ctx, failure.error());
        }, ctx::next);
    }

    private static boolean isCallCreate(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST && ctx.request().path().endsWith("/Calls.json");
    }

    private boolean authenticated(String authorization) {
        return authorization != null && MessageDigest.isEqual(expectedAuthorization,
                authorization.trim().getBytes(StandardCharsets.UTF_8));
    }
}
