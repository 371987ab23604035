package io.parley.policy;

import java.util.List;

/**
 * A rule pack file, or a directory of them, is invalid. Each error is a full sentence that starts with the file and
 * names the field path, e.g. {@code conf/policies/us-ma.yaml: field 'channels.voice.caps[0].window': ...}.
 */
public final class RulePackException extends RuntimeException {
    private final String source;
    private final List<String> errors;

    public RulePackException(String source, List<String> errors) {
        super(message(source, errors));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    /** The file or directory the errors were found in. */
    public String getSource() {
        return source;
    }

    /** Every error found, in file order. */
    public List<String> getErrors() {
        return errors;
    }

    private static String message(String source, List<String> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no errors for " + source);
        }
        if (errors.size() == 1) {
            return errors.get(0);
        }
        return errors.size() + " errors in " + source + ":\n  " + String.join("\n  ", errors);
    }
}
