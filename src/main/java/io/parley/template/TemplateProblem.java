package io.parley.template;

import java.util.Objects;

/** One thing wrong with a template file: the file, the field in it ("locales.en.subject") and what is wrong. */
public record TemplateProblem(String file, String field, String message) {
    public TemplateProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + ": " + field + ": " + message;
    }
}
