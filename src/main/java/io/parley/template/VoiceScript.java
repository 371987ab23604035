package io.parley.template;

import java.util.Map;

import java.util.Objects;

/** What an automated call says (the IVR script read to the person who answers or to voicemail). */
public record VoiceScript(String text) implements RenderedMessage {
    public VoiceScript {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public Map<String, Object> record() {
        return Map.of("script", text);
    }
}
