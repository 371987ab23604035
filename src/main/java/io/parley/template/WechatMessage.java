package io.parley.template;

import java.util.Map;

import java.util.Objects;

/** A WeChat-style message: a short title and a body. */
public record WechatMessage(String title, String body) implements RenderedMessage {
    public WechatMessage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public Map<String, Object> record() {
        return Map.of("title", title, "body", body);
    }
}
