package io.parley.policy;

import io.parley.domain.Channel;

/** The channel each kind of contact is made on: a cap only ever counts kinds of the channels it covers. */
final class PackKinds {
    private PackKinds() {
    }

    static Channel channelOf(ContactKind kind) {
        return switch (kind) {
            case CALL_PLACED, CALL_CONNECTED, CALL_UNANSWERED, VOICEMAIL -> Channel.VOICE;
            case SMS -> Channel.SMS;
            case EMAIL -> Channel.EMAIL;
            case WECHAT -> Channel.WECHAT;
            case LETTER -> Channel.LETTER;
        };
    }
}
