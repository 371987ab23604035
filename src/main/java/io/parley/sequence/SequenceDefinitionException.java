package io.parley.sequence;

import io.parley.files.DefinitionFileException;

import java.util.List;

/**
 * A sequence definition (a file, a stored snapshot or a directory of files) is invalid. Each error names the
 * source, the step when in a step, and the field path.
 */
public final class SequenceDefinitionException extends DefinitionFileException {
    public SequenceDefinitionException(String source, List<String> errors) {
        super(source, errors);
    }
}
