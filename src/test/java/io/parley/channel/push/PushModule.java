package io.parley.channel.push;

import io.parley.channel.ChannelContext;
import io.parley.channel.ChannelModule;
import io.parley.channel.ChannelSender;
import io.parley.channel.AttemptChange;
import io.parley.channel.Outbound;
import io.parley.channel.RunningChannel;
import io.parley.channel.SendResult;
import io.parley.config.ConfigSection;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;
import io.parley.domain.AddressFormat;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.policy.ContactKind;
import io.parley.store.LedgerCounting.Counted;
import io.parley.template.MessageShape;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A channel that exists only in the tests: app push notifications to a device id, delivered by an in-process
 * provider that reports "seen" through a webhook the module mounts. It lives in the test tree and is registered by
 * the test that starts Parley with it: nothing in dispatch, store or the domain knows of it.
 */
public final class PushModule implements ChannelModule<PushModule.Settings> {
    public static final Channel PUSH = Channel.declare("push", AddressFormat.ACCOUNT_ID);
    static final String STATUS_PATH = "/webhooks/push/status";

    /** What the in-process provider was handed, in order. */
    public final List<Outbound> sent = new CopyOnWriteArrayList<>();

    /** This module's own config section: the provider's name. */
    public record Settings(String provider) {
    }

    static final Setting PROVIDER = Setting.of("push.provider", "loopback-push");

    @Override
    public Channel channel() {
        return PUSH;
    }

    @Override
    public String provider() {
        return "loopback-push";
    }

    @Override
    public MessageShape shape() {
        return MessageShape.CARD;
    }

    @Override
    public ConfigSection<Settings> config() {
        return new ConfigSection<>() {
            @Override
            public List<Setting> settings() {
                return List.of(PROVIDER);
            }

            @Override
            public Settings read(SettingsReader reader) {
                return new Settings(reader.text(PROVIDER));
            }
        };
    }

    @Override
    public List<AttemptOutcome> outcomes() {
        return List.of(AttemptOutcome.of("seen"));
    }

    @Override
    public Optional<AttemptOutcome> settledOutcome(AttemptStatus status) {
        return switch (status) {
            case DELIVERED -> Optional.of(AttemptOutcome.of("seen"));
            case FAILED, UNDELIVERED -> Optional.of(AttemptOutcome.FAILED);
            default -> Optional.empty();
        };
    }

    /** A push counts like an app message, from when it was made; one the provider refused counts as nothing. */
    @Override
    public Counted counts(AttemptStatus status, Optional<AttemptOutcome> outcome, Instant madeAt) {
        return status == AttemptStatus.FAILED ? Counted.nothing(madeAt) : new Counted(Set.of(ContactKind.WECHAT), madeAt);
    }

    @Override
    public Future<RunningChannel> start(ChannelContext context, Settings settings) {
        WebClient http = WebClient.create(context.vertx());
        ChannelSender sender = new ChannelSender() {
            @Override
            public Channel channel() {
                return PUSH;
            }

            @Override
            public String provider() {
                return settings.provider();
            }

            @Override
            public Future<SendResult> send(Outbound outbound) {
                sent.add(outbound);
                String ref = "push-" + UUID.randomUUID();
                // the provider reports, a little later and over HTTP, that the device showed it
                context.vertx().setTimer(50, t -> http.postAbs(context.publicBaseUrl() + STATUS_PATH)
                        .addQueryParam("attempt", outbound.attemptId().toString()).addQueryParam("state", "seen")
                        .addQueryParam("ref", ref).send());
                return Future.succeededFuture(SendResult.accepted(AttemptStatus.QUEUED, ref));
            }
        };
        return Future.succeededFuture(new RunningChannel() {
            @Override
            public ChannelSender sender() {
                return sender;
            }

            @Override
            public void routes(Router router) {
                router.post(STATUS_PATH).handler(ctx -> {
                    AttemptStatus status = Map.of("seen", AttemptStatus.DELIVERED, "dropped", AttemptStatus.FAILED)
                            .get(ctx.queryParams().get("state"));
                    context.services().record(List.of(AttemptChange.of(
                                    UUID.fromString(ctx.queryParams().get("attempt")), status,
                                    ctx.queryParams().get("ref"))))
                            .onSuccess(v -> ctx.response().setStatusCode(204).end())
                            .onFailure(ctx::fail);
                });
            }

            @Override
            public Future<Void> close() {
                http.close();
                return Future.succeededFuture();
            }
        });
    }
}
