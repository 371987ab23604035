package io.parley.template;

import java.util.Map;

import java.util.Objects;

/** An email: a one-line subject and the same body as plain text and HTML, opt-out footer included in both. */
public record EmailMessage(String subject, String text, String html) implements RenderedMessage {
    public EmailMessage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    @Override
    public Map<String, Object> record() {
        return Map.of("subject", subject, "text", text, "html", html);
    }
}
