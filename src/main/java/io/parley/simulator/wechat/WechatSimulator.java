package io.parley.simulator.wechat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the WeChat official-account platform: the access-token endpoint (tokens expire), template
 * messages (errcodes scripted per OpenID, unsubscribed users refused with 43004) reported on later with a
 * TEMPLATESENDJOBFINISH event, and users' messages and subscription events pushed to the account's server URL,
 * signed and, when the account has an EncodingAESKey, sealed. Control routes under /simulator let a person play a
 * user from the command line.
 */
public final class WechatSimulator {
    private static final Logger LOG = LoggerFactory.getLogger(WechatSimulator.class);

    /**
     * Where it listens, the one account it serves, and where that account's server is.
     *
     * @param encodingAesKey empty: the account is in plain mode; 43 characters: safe mode
     * @param callbackUrl    the account's server URL, which messages and events are pushed to
     */
    public record Settings(String host, int port, String appId, String secret, String token, String encodingAesKey,
                           Duration tokenLifetime, Duration deliveryDelay, String callbackUrl) {
        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(appId, "appId");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(encodingAesKey, "encodingAesKey");
            Objects.requireNonNull(tokenLifetime, "tokenLifetime");
            Objects.requireNonNull(deliveryDelay, "deliveryDelay");
            Objects.requireNonNull(callbackUrl, "callbackUrl");
            if (!encodingAesKey.isEmpty() && !encodingAesKey.matches("[A-Za-z0-9+/]{43}")) {
                throw new IllegalArgumentException("simulator encodingAesKey must be 43 Base64 characters or empty");
            }
        }
    }

    private final Settings settings;
    private final String accountId;
    private final IssuedTokens tokens;
    private final Followers followers = new Followers();
    private final PushedMessages messages;
    private final CallbackPusher pusher;
    private final PlatformApi api;
    private final Vertx vertx;
    private final WebClient client;
    private final Clock clock;
    private final Set<Long> timers = ConcurrentHashMap.newKeySet();
    private volatile HttpServer server;
    private volatile String callbackUrl;

    private WechatSimulator(Vertx vertx, Settings settings, Clock clock) {
        this.vertx = vertx;
        this.settings = settings;
        this.callbackUrl = settings.callbackUrl();
        this.clock = clock;
        // the account's original ID, stable for an AppID
        this.accountId = String.format("gh_%012x", settings.appId().hashCode() & 0xffff_ffffL);
        this.tokens = new IssuedTokens(settings.tokenLifetime(), clock);
        this.messages = new PushedMessages(accountId);
        this.client = WebClient.create(vertx);
        this.pusher = new CallbackPusher(client, new PlatformCrypto(settings.token(), settings.appId(),
                settings.encodingAesKey()), accountId, clock);
        this.api = new PlatformApi(settings.appId(), settings.secret(), tokens, followers, this::reportLater, clock);
    }

    public static Future<WechatSimulator> start(Vertx vertx, Settings settings) {
        WechatSimulator simulator = new WechatSimulator(vertx, settings, Clock.systemUTC());
        Router router = Router.router(vertx);
        router.get("/cgi-bin/token").handler(simulator.api::token);
        router.post("/cgi-bin/message/template/send").handler(BodyHandler.create(false).setBodyLimit(65_536))
                .handler(simulator.api::templateSend);
        ControlRoutes.mount(router, simulator);
        return vertx.createHttpServer().requestHandler(router).listen(settings.port(), settings.host())
                .map(listening -> {
                    simulator.server = listening;
                    LOG.info("WeChat simulator listening on {} for AppID {} ({} mode), pushing to {}",
                            simulator.baseUrl(), settings.appId(),
                            settings.encodingAesKey().isEmpty() ? "plain" : "safe", settings.callbackUrl());
                    return simulator;
                });
    }

    /** The URL to call instead of https://api.weixin.qq.com, e.g. "http://127.0.0.1:41234". */
    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + server.actualPort();
    }

    public Settings settings() {
        return settings;
    }

    /** The account's original ID (gh_...), the ToUserName of everything pushed. */
    public String accountId() {
        return accountId;
    }

    /** Pushes from now on go to this server URL (a server that started after the simulator). */
    public void pushTo(String url) {
        callbackUrl = url;
    }

    /** The next sends to this OpenID answer these errcodes, one each (0 sends normally). */
    public void script(String openId, int... errcodes) {
        followers.script(openId, errcodes);
    }

    /** How template messages to this OpenID end: success, failed:user block, failed: system failed. */
    public void deliveryFor(String openId, String status) {
        followers.deliveryFor(openId, status);
    }

    /** Every token issued so far expires now (the next call with one gets 42001). */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** Every token issued so far becomes invalid (the next call with one gets 40001). */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** How many access tokens have been issued. */
    public int tokensIssued() {
        return tokens.issuedCount();
    }

    public List<SimulatedTemplate> templates() {
        return api.templates();
    }

    /** A user writes to the account; completes with the push as it ended, the passive reply opened. */
    public Future<Push> sendText(String openId, String text) {
        return sendText(openId, text, messages.nextMsgId());
    }

    /** The same with a chosen MsgId (the platform's retries and replays carry the one they had). */
    public Future<Push> sendText(String openId, String text, long msgId) {
        return push(openId, messages.text(openId, text, msgId, clock.instant()));
    }

    public Future<Push> unsubscribe(String openId) {
        followers.unsubscribe(openId);
        return push(openId, messages.event(openId, "unsubscribe", clock.instant()));
    }

    public Future<Push> subscribe(String openId) {
        followers.subscribe(openId);
        return push(openId, messages.event(openId, "subscribe", clock.instant()));
    }

    /** Pushes XML as it is (signed, and sealed in safe mode), as the platform would. */
    public Future<Push> push(String openId, String xml) {
        return pusher.push(callbackUrl, openId, xml);
    }

    /** Forgets sent templates, scripts, subscriptions and tokens. */
    public void reset() {
        api.reset();
        followers.reset();
        tokens.reset();
    }

    public Future<Void> close() {
        timers.forEach(vertx::cancelTimer);
        timers.clear();
        client.close();
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void reportLater(SimulatedTemplate template) {
        long delay = Math.max(1, settings.deliveryDelay().toMillis());
        long[] id = new long[1];
        id[0] = vertx.setTimer(delay, fired -> {
            timers.remove(id[0]);
            String status = followers.delivery(template.toUser());
            push(template.toUser(), messages.templateFinished(template.toUser(), template.msgId(), status,
                    clock.instant()));
        });
        timers.add(id[0]);
    }
}
