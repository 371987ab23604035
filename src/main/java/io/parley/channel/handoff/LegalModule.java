package io.parley.channel.handoff;

import io.parley.domain.Channel;

/**
 * Refers the case to lawyers: the task goes to the engine, and every open sequence of the case ends with the reason
 * (once lawyers have the case, the rule packs leave no room for Parley's own contact about it).
 */
public final class LegalModule extends HandoffModule {
    @Override
    public Channel channel() {
        return Channel.LEGAL;
    }
}
