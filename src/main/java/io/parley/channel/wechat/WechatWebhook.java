package io.parley.channel.wechat;

import io.parley.observability.Metrics;
import io.parley.observability.WebhookRequests;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's server URL, {@code /webhooks/wechat}: GET answers the platform's URL verification with echostr when
 * the signature matches; POST takes a message in plain or safe mode. A signature that does not match is answered
 * 403, a body that is not acceptable (not XML, a DOCTYPE, bad encryption, another AppID) 400, one over the size
 * limit 413. Otherwise the answer is the passive reply (encrypted in safe mode) or "success".
 */
final class WechatWebhook {
    static final String PATH = "/webhooks/wechat";
    private static final Logger LOG = LoggerFactory.getLogger(WechatWebhook.class);
    private static final String CHANNEL = "wechat";

    private final ServerProtocol protocol;
    private final Arrivals arrivals;
    private final Metrics metrics;

    WechatWebhook(ServerProtocol protocol, Arrivals arrivals, Metrics metrics) {
        this.protocol = protocol;
        this.arrivals = arrivals;
        this.metrics = metrics;
    }

    void mount(Router router, long maxBodyBytes) {
        router.get(PATH).handler(this::verify);
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes)).handler(this::receive);
    }

    private void verify(RoutingContext ctx) {
        protocol.verifyUrl(query(ctx)).ifPresentOrElse(
                echo -> ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(echo),
                () -> forged(ctx, "URL verification"));
    }

    private void receive(RoutingContext ctx) {
        ServerProtocol.Received received;
        try {
            byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
            received = protocol.receive(query(ctx), body);
        } catch (ServerProtocol.Forged e) {
            forged(ctx, "message");
            return;
        } catch (WechatProtocolException e) {
            metrics.callback(CHANNEL, "refused");
            LOG.warn("Refused a WeChat push: {}", e.getMessage());
            ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end(e.getMessage());
            return;
        }
        arrivals.arrive(received.message()).onSuccess(arrival -> {
            metrics.callback(CHANNEL, arrival.fresh() ? "accepted" : "duplicate");
            WebhookRequests.judge(ctx, arrival.fresh() ? "accepted" : "duplicate");
            arrival.answer().ifPresentOrElse(
                    text -> ctx.response().putHeader("Content-Type", "application/xml; charset=utf-8")
                            .end(protocol.reply(received, text)),
                    () -> ctx.response().putHeader("Content-Type", "text/plain").end("success"));
        }).onFailure(e -> {
            // not stored: the platform pushes it again
            LOG.warn("Could not store a WeChat push: {}", e.toString());
            ctx.response().setStatusCode(503).end();
        });
    }

    private void forged(RoutingContext ctx, String what) {
        metrics.callback(CHANNEL, "forged");
        LOG.warn("Rejected a WeChat {} with a missing or wrong signature", what);
        ctx.response().setStatusCode(403).end();
    }

    private static ServerProtocol.Query query(RoutingContext ctx) {
        var q = ctx.queryParams();
        return new ServerProtocol.Query(q.get("signature"), q.get("timestamp"), q.get("nonce"), q.get("echostr"),
                q.get("encrypt_type"), q.get("msg_signature"));
    }
}
