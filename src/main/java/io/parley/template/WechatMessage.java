package io.parley.template;

import java.util.Objects;

/** A WeChat-style message: a short title and a body. */
public record WechatMessage(String title, String body) implements RenderedMessage {
    public WechatMessage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }
}
