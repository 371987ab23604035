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
}
