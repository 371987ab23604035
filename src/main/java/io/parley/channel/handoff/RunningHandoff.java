package io.parley.channel.handoff;

import io.parley.channel.ChannelSender;
import io.parley.channel.RunningChannel;
import io.parley.lifecycle.Loop;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;

import java.util.List;

/** A started hand-off channel; the visit channel's also serves the tasks API and closes tasks past their deadline. */
final class RunningHandoff implements RunningChannel {
    private final ChannelSender sender;
    private final TaskDesk desk;
    private final HandoffConfig config;
    private final boolean servesTasks;

    RunningHandoff(ChannelSender sender, TaskDesk desk, HandoffConfig config, boolean servesTasks) {
        this.sender = sender;
        this.desk = desk;
        this.config = config;
        this.servesTasks = servesTasks;
    }

    @Override
    public ChannelSender sender() {
        return sender;
    }

    @Override
    public void routes(Router router) {
        if (servesTasks) {
            new TaskRoutes(desk).mount(router);
        }
    }

    @Override
    public List<VerticleBase> loops() {
        if (!servesTasks) {
            return List.of();
        }
        return List.of(new VerticleBase() {
            private Loop loop;

            @Override
            public Future<?> start() {
                loop = new Loop(vertx, config.pollInterval(), () -> desk.expire().map(n -> n >= TaskDesk.PER_ROUND))
                        .startAfterInterval();
                return Future.succeededFuture();
            }

            @Override
            public Future<?> stop() {
                return loop.stop();
            }
        });
    }
}
