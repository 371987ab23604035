package io.parley.template;

import java.util.Objects;

/** An SMS body, opt-out notice included, with the segments it will be billed as. */
public record SmsMessage(String text, SmsSegments segments) implements RenderedMessage {
    public SmsMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(segments, "segments");
    }
}
