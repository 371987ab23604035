package io.parley.files;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors found in one source, each written as {@code <source>: [<where>: ][field '<field>': ]<message>}, thrown
 * together as the loader's own exception.
 */
public class SourceErrors {
    private final String source;
    private final Failure failure;
    private final List<String> errors = new ArrayList<>();

    public SourceErrors(String source, Failure failure) {
        this.source = source;
        this.failure = failure;
    }

    public String source() {
        return source;
    }

    /**
     * Adds an error. where names a part of the source (e.g. "step 'sms-reminder'"), field the path in it (e.g.
     * "channels.voice.caps[0].max"); either may be null or empty when the error is about the whole.
     */
    public void add(String where, String field, String message) {
        StringBuilder text = new StringBuilder(source).append(": ");
        if (where != null && !where.isEmpty()) {
            text.append(where).append(": ");
        }
        if (field != null && !field.isEmpty()) {
            text.append("field '").append(field).append("': ");
        }
        errors.add(text.append(message).toString());
    }

    public int count() {
        return errors.size();
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws every error found so far, if there is any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw failure.of(source, errors);
        }
    }
}
