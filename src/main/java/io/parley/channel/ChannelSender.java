package io.parley.channel;

import io.parley.domain.Channel;
import io.vertx.core.Future;

/** Hands attempts of one channel to its provider. Implementations never block the calling event loop. */
public interface ChannelSender {
    Channel channel();

    /** The provider's name as recorded on attempts and in metric labels ("twilio", "smtp"). */
    String provider();

    /** Sends once; the future never fails: errors come back as FAILED or UNKNOWN results. */
    Future<SendResult> send(Outbound outbound);

    /** Whether the provider can be asked what became of an attempt ({@link #lookup}). */
    default boolean looksUp() {
        return false;
    }

    /**
     * Asks the provider what became of an attempt whose answer never came; the future never fails. Only called
     * long after any send of it could have started (see {@link ProviderCalls}), so "absent" means never sent.
     */
    default Future<ProviderLookup> lookup(ProviderLookup.Asked attempt) {
        return Future.succeededFuture(new ProviderLookup.CannotTell(provider() + " cannot be asked"));
    }
}
