package io.parley.reply;

import java.util.List;

/** The reply rules (a file or a directory of files) are invalid. Each error names the file and the field path. */
public final class ReplyRulesException extends RuntimeException {
    private final String source;
    private final List<String> errors;

    public ReplyRulesException(String source, List<String> errors) {
        super(message(source, errors));
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    public String getSource() {
        return source;
    }

    /** Every error found, each a full sentence starting with the file. */
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
