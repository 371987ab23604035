package io.parley.template;

import java.util.Map;

import java.util.List;
import java.util.Objects;

/** The content of a postal letter: a title and its body paragraphs, in order. */
public record LetterContent(String title, List<String> paragraphs) implements RenderedMessage {
    public LetterContent {
        Objects.requireNonNull(title, "title");
        paragraphs = List.copyOf(paragraphs);
    }

    @Override
    public Map<String, Object> record() {
        return Map.of("title", title, "paragraphs", paragraphs);
    }
}
