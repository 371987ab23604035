package io.parley.channel.handoff;

import io.parley.domain.Channel;

/**
 * Places the case with an outside agency: the task carries what the agency needs (balance, days past due, contacts
 * made per channel, open promises, disputes, opt-outs and cease requests), and Parley's own contact steps for the
 * case hold until the engine recalls it (case event {@code recall}).
 */
public final class AgencyModule extends HandoffModule {
    @Override
    public Channel channel() {
        return Channel.AGENCY;
    }
}
