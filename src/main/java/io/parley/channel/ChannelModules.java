package io.parley.channel;

import io.parley.config.ParleyConfig;
import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.sequence.BranchOutcomes;
import io.parley.store.LedgerCounting;
import io.parley.template.MessageShape;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The registered channel modules, by channel: what the rest of the service loops over (template shapes, branch
 * outcomes, the ledger, settlement, start-up). Modules are found with {@link ServiceLoader}: one line in
 * META-INF/services/io.parley.channel.ChannelModule registers one.
 */
public final class ChannelModules implements LedgerCounting {
    private final Map<Channel, ChannelModule<?>> modules;

    public ChannelModules(List<? extends ChannelModule<?>> modules) {
        Map<Channel, ChannelModule<?>> byChannel = new LinkedHashMap<>();
        for (ChannelModule<?> module : modules) {
            if (byChannel.putIfAbsent(module.channel(), module) != null) {
                throw new IllegalArgumentException("two channel modules for channel " + module.channel().wire());
            }
        }
        this.modules = byChannel;
    }

    /** The modules registered with META-INF/services, plus any given (a test's own module). */
    @SuppressWarnings("rawtypes")
    public static ChannelModules registered(List<? extends ChannelModule<?>> extra) {
        List<ChannelModule<?>> all = new ArrayList<>();
        for (ChannelModule module : ServiceLoader.load(ChannelModule.class)) {
            all.add(module);
        }
        all.addAll(extra);
        return new ChannelModules(all);
    }

    public Set<Channel> channels() {
        return modules.keySet();
    }

    public Optional<ChannelModule<?>> module(Channel channel) {
        return Optional.ofNullable(modules.get(channel));
    }

    public List<ChannelModule<?>> all() {
        return List.copyOf(modules.values());
    }

    /** The message shape of each registered channel, for loading templates. */
    public Map<Channel, MessageShape> shapes() {
        Map<Channel, MessageShape> shapes = new LinkedHashMap<>();
        modules.forEach((channel, module) -> shapes.put(channel, module.shape()));
        return shapes;
    }

    /** The outcomes steps may branch on, by channel. */
    public BranchOutcomes outcomes() {
        Map<Channel, List<AttemptOutcome>> extra = new LinkedHashMap<>();
        modules.forEach((channel, module) -> extra.put(channel, module.outcomes()));
        return BranchOutcomes.of(extra);
    }

    /** The outcome a step branches on once the status is final for the channel; empty while it may change. */
    public Optional<AttemptOutcome> settledOutcome(Channel channel, AttemptStatus status) {
        ChannelModule<?> module = modules.get(channel);
        return module == null ? Optional.empty() : module.settledOutcome(status);
    }

    @Override
    public Counted counts(Channel channel, AttemptStatus status, Optional<AttemptOutcome> outcome, Instant madeAt) {
        ChannelModule<?> module = modules.get(channel);
        if (module == null) {
            // a channel whose module is gone still counted when it was made: count it as made, never as nothing
            return new Counted(Set.of(), madeAt);
        }
        return module.counts(status, outcome, madeAt);
    }

    /** Starts every module with its section of the configuration, in registration order. */
    public Future<RunningChannels> start(ChannelContext context, ParleyConfig config) {
        Map<Channel, RunningChannel> running = new LinkedHashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (ChannelModule<?> module : modules.values()) {
            chain = chain.compose(v -> startOne(module, context, config)
                    .map(started -> {
                        running.put(module.channel(), started);
                        return null;
                    }));
        }
        return chain.transform(ar -> {
            RunningChannels channels = new RunningChannels(this, running, context.providers());
            if (ar.succeeded()) {
                return Future.succeededFuture(channels);
            }
            return channels.close().transform(v -> Future.failedFuture(ar.cause()));
        });
    }

    private static <C> Future<RunningChannel> startOne(ChannelModule<C> module, ChannelContext context,
                                                       ParleyConfig config) {
        return module.start(context, config.section(module.config()));
    }
}
