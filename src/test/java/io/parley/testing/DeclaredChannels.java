package io.parley.testing;

import io.parley.domain.Channel;

import java.util.stream.Collectors;

/**
 * The declared channels as error messages list them ("sms, voice, email, wechat, letter"), read when asked: a test
 * that registers a channel of its own (PushModule) declares it for the rest of the run.
 */
public final class DeclaredChannels {
    private DeclaredChannels() {
    }

    public static String names() {
        return Channel.declared().stream().map(Channel::wire).collect(Collectors.joining(", "));
    }
}
