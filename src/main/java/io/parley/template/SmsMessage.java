package io.parley.template;

import java.util.Map;

import java.util.Objects;

/** An SMS body, opt-out notice included, with the segments it will be billed as. */
public record SmsMessage(String text, SmsSegments segments) implements RenderedMessage {
    public SmsMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(segments, "segments");
    }

    @Override
    public Map<String, Object> record() {
        return Map.of("text", text, "encoding", segments.encoding().name(), "segments", segments.segments(),
                "units", segments.units());
    }
}
