package io.parley.sequence;

import io.parley.domain.Channel;

import java.util.Objects;

/** Another channel a step may use when its own cannot be used, with the template written for that channel. */
public record Fallback(Channel channel, String template) {
    public Fallback {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(template, "template");
    }
}
