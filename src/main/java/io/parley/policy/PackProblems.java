package io.parley.policy;

import io.parley.files.SourceErrors;

/** The errors found in one rule pack file, each prefixed with the file and the field path. */
final class PackProblems extends SourceErrors {
    PackProblems(String source) {
        super(source, RulePackException::new);
    }

    /** An error in one field; path is e.g. "channels.voice.caps[0].max" (empty for the document itself). */
    void report(String path, String message) {
        add(null, path, message);
    }
}
