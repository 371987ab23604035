package io.parley.policy;

import io.parley.domain.Channel;

/** The channel each kind of contact is made on: a cap only ever counts kinds of the channels it covers. */
final class PackKinds {
    private PackKinds() {
    }

    private static final java.util.Map<Channel, java.util.Set<ContactKind>> PENDING = java.util.Map.of(
            Channel.VOICE, java.util.Set.of(ContactKind.CALL_PLACED, ContactKind.CALL_UNANSWERED),
            Channel.SMS, java.util.Set.of(ContactKind.SMS),
            Channel.EMAIL, java.util.Set.of(ContactKind.EMAIL),
            Channel.WECHAT, java.util.Set.of(ContactKind.WECHAT),
            Channel.LETTER, java.util.Set.of(ContactKind.LETTER),
            Channel.VISIT, java.util.Set.of(ContactKind.VISIT));

    /** What a contact on the channel counts as before its outcome is known; nothing for a channel with no kind. */
    static java.util.Set<ContactKind> pending(Channel channel) {
        return PENDING.getOrDefault(channel, java.util.Set.of());
    }

    static Channel channelOf(ContactKind kind) {
        return switch (kind) {
            case CALL_PLACED, CALL_CONNECTED, CALL_UNANSWERED, VOICEMAIL -> Channel.VOICE;
            case SMS -> Channel.SMS;
            case EMAIL -> Channel.EMAIL;
            case WECHAT -> Channel.WECHAT;
            case LETTER -> Channel.LETTER;
            case VISIT, VISIT_REACHED -> Channel.VISIT;
        };
    }
}
