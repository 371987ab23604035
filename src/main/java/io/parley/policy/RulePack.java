package io.parley.policy;

import io.parley.domain.Channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named set of contact rules, e.g. the US federal Regulation F or a state's stricter limits.
 *
 * @param channels            per channel: hours, no-contact days, caps, lockout; a channel a pack does not list is
 *                            not restricted by it
 * @param caps                caps across channels (each names the channels it counts)
 * @param thirdPartyAfterFailures a third party may be contacted only after this many consecutive failed attempts
 *                            to reach the borrower (or when every borrower point is invalid)
 */
public record RulePack(String id, String description, Applicability appliesTo, Map<Channel, ChannelRules> channels,
                       List<Cap> caps, int thirdPartyAfterFailures) {
    public RulePack {
        channels = Map.copyOf(channels);
        caps = List.copyOf(caps);
    }

    public Optional<ChannelRules> rulesFor(Channel channel) {
        return Optional.ofNullable(channels.get(channel));
    }
}
