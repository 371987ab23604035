package io.parley.sequence;

import io.parley.files.SourceErrors;

/** The errors found in one source, each prefixed with the source, the step (when in a step) and the field path. */
final class Problems extends SourceErrors {
    Problems(String source) {
        super(source, SequenceDefinitionException::new);
    }

    /** Where errors outside any step are reported. */
    Scope top() {
        return new Scope(this, null);
    }

    /** Where errors of one step are reported; label is e.g. "step 'sms-reminder'" or "step #3". */
    Scope step(String label) {
        return new Scope(this, label);
    }

    /** A place in the source that errors are reported against. */
    record Scope(Problems problems, String step) {
        void report(String field, String message) {
            problems.add(step, field, message);
        }

        void report(String message) {
            problems.add(step, null, message);
        }
    }
}
