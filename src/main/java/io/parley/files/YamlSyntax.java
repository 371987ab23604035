package io.parley.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;

/** Describes a YAML syntax error in one line: where it is and what the parser expected. */
public final class YamlSyntax {
    private YamlSyntax() {
    }

    /**
     * "line L, column C: not valid YAML: ..." where the parser says where the error is, "not valid YAML: ..." where
     * it does not, or "cannot be read: ..." for an error that is not one of syntax.
     */
    public static String describe(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                Mark mark = marked.getProblemMark();
                String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
                return at(mark.getLine() + 1, mark.getColumn() + 1) + "not valid YAML: " + context + marked.getProblem();
            }
        }
        if (e instanceof JsonProcessingException processing) {
            JsonLocation location = processing.getLocation();
            String where = location == null ? "" : at(location.getLineNr(), location.getColumnNr());
            return where + "not valid YAML: " + processing.getOriginalMessage().lines().findFirst().orElse("");
        }
        return "cannot be read: " + e.getMessage();
    }

    private static String at(int line, int column) {
        return "line " + line + ", column " + column + ": ";
    }
}
