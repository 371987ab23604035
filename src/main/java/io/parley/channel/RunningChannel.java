package io.parley.channel;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;

import java.util.List;
import java.util.Map;

/** A started channel: what the service sends through, mounts, deploys and finally closes. */
public interface RunningChannel {

    /** Hands committed attempts to the provider. */
    ChannelSender sender();

    /**
     * Mounts the channel's provider webhooks (status callbacks, inbound messages). Each route brings its own body
     * handling and checks its provider's signature.
     */
    default void routes(Router router) {
    }

    /** How fast the channel's attempts may start (calls per second, calls at once); empty = as fast as they come. */
    default java.util.Optional<Pacing> pacing() {
        return java.util.Optional.empty();
    }

    /** Long-running loops of the channel (a mailbox poller, a batch closer), deployed after the HTTP server. */
    default List<VerticleBase> loops() {
        return List.of();
    }

    /** The local simulators this channel started in place of its provider, by name, with their base URLs. */
    default Map<String, String> simulators() {
        return Map.of();
    }

    /** Closes pools and simulators. */
    default Future<Void> close() {
        return Future.succeededFuture();
    }
}
