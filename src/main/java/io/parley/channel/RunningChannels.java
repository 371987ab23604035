package io.parley.channel;

import io.parley.domain.Channel;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The channels this instance runs: their senders, routes, loops and simulators; closed in reverse order. */
public final class RunningChannels {
    private final ChannelModules modules;
    private final Map<Channel, RunningChannel> running;
    private final ProviderPools providers;

    RunningChannels(ChannelModules modules, Map<Channel, RunningChannel> running, ProviderPools providers) {
        this.modules = modules;
        this.running = new LinkedHashMap<>(running);
        this.providers = providers;
    }

    public ChannelModules modules() {
        return modules;
    }

    /** The sender of a running channel; empty for a channel no module runs. */
    public Optional<ChannelSender> sender(Channel channel) {
        return Optional.ofNullable(running.get(channel)).map(RunningChannel::sender);
    }

    /** How fast each paced channel's attempts may start. */
    public Map<Channel, Pacing> pacing() {
        Map<Channel, Pacing> out = new LinkedHashMap<>();
        running.forEach((channel, r) -> r.pacing().ifPresent(p -> out.put(channel, p)));
        return out;
    }

    /** The provider recorded on attempts of each running channel. */
    public Map<Channel, String> providers() {
        Map<Channel, String> out = new LinkedHashMap<>();
        running.forEach((channel, r) -> out.put(channel, r.sender().provider()));
        return out;
    }

    public void routes(Router router) {
        running.values().forEach(r -> r.routes(router));
    }

    public List<VerticleBase> loops() {
        List<VerticleBase> loops = new ArrayList<>();
        running.values().forEach(r -> loops.addAll(r.loops()));
        return loops;
    }

    /** Every local simulator started in place of a provider, by name, with its base URL. */
    public Map<String, String> simulators() {
        Map<String, String> out = new LinkedHashMap<>();
        running.values().forEach(r -> out.putAll(r.simulators()));
        return out;
    }

    public Future<Void> close() {
        List<RunningChannel> reversed = new ArrayList<>(running.values());
        java.util.Collections.reverse(reversed);
        Future<Void> chain = Future.succeededFuture();
        for (RunningChannel r : reversed) {
            chain = chain.transform(v -> r.close());
        }
        return chain.onComplete(v -> providers.close());
    }
}
