package io.parley.channel.letter;

import io.parley.channel.ChannelContext;
import io.parley.channel.ChannelSender;
import io.parley.channel.RunningChannel;
import io.parley.simulator.printhouse.PrintHouseSimulator;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The started letter channel: its sender, callback and API routes, the batch loop, and the simulator if any. */
final class RunningLetters implements RunningChannel {
    private static final long CALLBACK_BODY_LIMIT = 64 * 1024;

    private final LetterPost post;
    private final ChannelContext context;
    private final PrintHouseSignature signature;
    private final PrintBatches batches;
    private final Duration pollInterval;
    private final PrintHouseSimulator simulator;
    private final WorkerExecutor renderers;

    RunningLetters(LetterPost post, ChannelContext context, PrintHouseSignature signature, PrintBatches batches,
                   Duration pollInterval, PrintHouseSimulator simulator, WorkerExecutor renderers) {
        this.post = post;
        this.context = context;
        this.signature = signature;
        this.batches = batches;
        this.pollInterval = pollInterval;
        this.simulator = simulator;
        this.renderers = renderers;
    }

    @Override
    public ChannelSender sender() {
        return post;
    }

    @Override
    public void routes(Router router) {
        router.post(PrintHouseCallbacks.PATH).handler(BodyHandler.create(false).setBodyLimit(CALLBACK_BODY_LIMIT))
                .handler(new PrintHouseCallbacks(context.pool(), signature, context.services(), context.clock()));
        new LetterRoutes(context.pool()).mount(router);
    }

    @Override
    public List<VerticleBase> loops() {
        return List.of(new BatchLoop(batches, pollInterval));
    }

    @Override
    public Map<String, String> simulators() {
        return simulator == null ? Map.of() : Map.of("print-house", simulator.baseUrl());
    }

    @Override
    public Future<Void> close() {
        renderers.close();
        return simulator == null ? Future.succeededFuture() : simulator.close();
    }
}
