package io.parley.channel.wechat;

import io.parley.channel.ChannelContext;
import io.parley.channel.ChannelModule;
import io.parley.channel.ChannelSender;
import io.parley.channel.RunningChannel;
import io.parley.channel.wechat.store.TemplateSends;
import io.parley.channel.wechat.store.WechatInbox;
import io.parley.config.ConfigSection;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.policy.ContactKind;
import io.parley.simulator.wechat.WechatSimulator;
import io.parley.store.LedgerCounting.Counted;
import io.parley.template.MessageShape;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WeChat through an official account: template messages out on the platform's API, the server protocol in on
 * /webhooks/wechat (plain and safe mode), delivery reports, subscriptions and replies. With no gateway configured
 * it starts the local WeChat simulator.
 */
public final class WechatModule implements ChannelModule<Wechat> {
    private static final Logger LOG = LoggerFactory.getLogger(WechatModule.class);
    /** Answer the platform within this, leaving a margin under its 5 seconds. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);
    private static final Duration REDELIVERY_EVERY = Duration.ofSeconds(10);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public String provider() {
        return TemplateSender.PROVIDER;
    }

    @Override
    public MessageShape shape() {
        return MessageShape.CARD;
    }

    @Override
    public ConfigSection<Wechat> config() {
        return new Wechat.Section();
    }


    /** A message the platform refused (or never got) reached no one; every other is a WeChat message sent. */
    @Override
    public Counted counts(AttemptStatus status, Optional<AttemptOutcome> outcome, Instant madeAt) {
        return Counted.unlessRefused(status, madeAt, ContactKind.WECHAT);
    }

    @Override
    public Future<RunningChannel> start(ChannelContext context, Wechat wechat) {
        String token = wechat.token().reveal();
        if (token.isEmpty()) {
            token = randomHex(16);
            LOG.warn("No server token configured (wechat.token): made one up for this run; pushes signed with the "
                    + "token registered on the platform will be refused until wechat.token is set to it");
        }
        String aesKey = wechat.encodingAesKey().reveal();
        if (!wechat.simulated()) {
            return Future.succeededFuture(running(context, wechat, wechat.appId(), wechat.secret().reveal(), token,
                    wechat.gatewayUrl(), null));
        }
        String appId = wechat.appId().isEmpty() ? "wx" + randomHex(8) : wechat.appId();
        String secret = wechat.secret().isEmpty() ? randomHex(16) : wechat.secret().reveal();
        String serverToken = token;
        LOG.warn("No WeChat gateway configured (wechat.gatewayUrl): template messages go to the local WeChat "
                + "simulator and never reach a phone");
        var sims = context.simulators();
        return WechatSimulator.start(context.vertx(), new WechatSimulator.Settings(sims.host(), wechat.simulatorPort(),
                        appId, secret, serverToken, aesKey, TOKEN_LIFETIME, sims.deliveryDelay(),
                        context.publicBaseUrl() + WechatWebhook.PATH))
                .map(simulator -> running(context, wechat, appId, secret, serverToken, simulator.baseUrl(), simulator));
    }

    private RunningChannel running(ChannelContext context, Wechat wechat, String appId, String secret, String token,
                                   String gatewayUrl, WechatSimulator simulator) {
        WebClient client = WebClient.create(context.vertx(), new WebClientOptions()
                .setConnectTimeout((int) wechat.timeout().toMillis()).setUserAgent("Parley"));
        OfficialAccountApi api = new OfficialAccountApi(client, gatewayUrl, appId, secret, wechat.timeout());
        TemplateSends sends = new TemplateSends(context.pool());
        TemplateSender sender = new TemplateSender(api, new AccessTokens(api::grant, context.clock()),
                context.providers().nonBlocking(Channel.WECHAT, provider()), sends,
                context.services(), context.clock());
        WechatInbox inbox = new WechatInbox(context.pool());
        Arrivals arrivals = new Arrivals(inbox, new PlatformNews(context.services(), sends), context.vertx(),
                context.clock(), ANSWER_WITHIN);
        WechatWebhook webhook = new WechatWebhook(new ServerProtocol(token, appId,
                wechat.encodingAesKey().reveal(), context.clock()), arrivals, context.metrics());
        Redelivery redelivery = new Redelivery(inbox, arrivals, context.clock(), REDELIVERY_EVERY);
        return new RunningChannel() {
            @Override
            public ChannelSender sender() {
                return sender;
            }

            @Override
            public void routes(Router router) {
                webhook.mount(router, wechat.maxBodyBytes());
            }

            @Override
            public List<VerticleBase> loops() {
                return List.of(redelivery);
            }

            @Override
            public Map<String, String> simulators() {
                return simulator == null ? Map.of() : Map.of("wechat", simulator.baseUrl());
            }

            @Override
            public Future<Void> close() {
                client.close();
                return simulator == null ? Future.succeededFuture() : simulator.close();
            }
        };
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
