package io.parley.reply;

import io.parley.files.DefinitionFileException;

import java.util.List;

/** The reply rules (a file or a directory of files) are invalid. Each error names the file and the field path. */
public final class ReplyRulesException extends DefinitionFileException {
    public ReplyRulesException(String source, List<String> errors) {
        super(source, errors);
    }
}
