package io.parley.policy;

import java.util.ArrayList;
import java.util.List;

/** The errors found in one rule pack file, each prefixed with the file and the field path. */
final class PackProblems {
    private final String source;
    private final List<String> errors = new ArrayList<>();

    PackProblems(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** An error in one field; path is e.g. "channels.voice.caps[0].max" (empty for the document itself). */
    void report(String path, String message) {
        errors.add(path.isEmpty() ? source + ": " + message : source + ": field '" + path + "': " + message);
    }

    int count() {
        return errors.size();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new RulePackException(source, errors);
        }
    }
}
