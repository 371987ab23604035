package io.parley.policy;

import io.parley.files.DefinitionFileException;

import java.util.List;

/**
 * A rule pack file, or a directory of them, is invalid. Each error is a full sentence that starts with the file and
 * names the field path, e.g. {@code conf/policies/us-ma.yaml: field 'channels.voice.caps[0].window': ...}.
 */
public final class RulePackException extends DefinitionFileException {
    public RulePackException(String source, List<String> errors) {
        super(source, errors);
    }
}
