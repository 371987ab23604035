package io.parley.sequence;

import java.util.List;

/**
 * A sequence definition (a file, a stored snapshot or a directory of files) is invalid. Each error names the
 * source, the step when in a step, and the field path.
 */
public final class SequenceDefinitionException extends RuntimeException {
    private final String source;
    private final List<String> errors;

    public SequenceDefinitionException(String source, List<String> errors) {
        super(message(source, errors));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    public String getSource() {
        return source;
    }

    /** Every error found, each a full sentence starting with the source. */
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
