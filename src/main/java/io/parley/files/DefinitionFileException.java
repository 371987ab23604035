package io.parley.files;

import java.util.List;

/**
 * A definition file, a stored snapshot or a directory of files is invalid. Each error is a full sentence that starts
 * with the source it was found in. The message is the error itself when there is one, else a count followed by every
 * error on its own line.
 */
public abstract class DefinitionFileException extends RuntimeException {
    private final String source;
    private final List<String> errors;

    /** @throws IllegalArgumentException when errors is empty */
    protected DefinitionFileException(String source, List<String> errors) {
        super(message(source, errors));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    /** The file, directory or snapshot the errors were found in. */
    public String getSource() {
        return source;
    }

    /** Every error found, in the order found, each a full sentence starting with the source. */
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
