package io.parley.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content of a postal letter: a title, its body paragraphs in order, what happens if the debtor does not pay,
 * and the case facts the letter prints beside its text.
 */
public record LetterContent(String title, List<String> paragraphs, String consequences, LetterFacts facts)
        implements RenderedMessage {
    public LetterContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(consequences, "consequences");
        Objects.requireNonNull(facts, "facts");
        paragraphs = List.copyOf(paragraphs);
    }

    @Override
    public Map<String, Object> record() {
        return Map.of("title", title, "paragraphs", paragraphs, "consequences", consequences);
    }
}
