package io.parley.sequence;

import java.util.ArrayList;
import java.util.List;

/** The errors found in one source, each prefixed with the source, the step (when in a step) and the field path. */
final class Problems {
    private final String source;
    private final List<String> errors = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    /** Where errors outside any step are reported. */
    Scope top() {
        return new Scope(this, null);
    }

    /** Where errors of one step are reported; label is e.g. "step 'sms-reminder'" or "step #3". */
    Scope step(String label) {
        return new Scope(this, label);
    }

    int count() {
        return errors.size();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new SequenceDefinitionException(source, errors);
        }
    }

    private void add(String step, String field, String message) {
        StringBuilder text = new StringBuilder(source).append(": ");
        if (step != null) {
            text.append(step).append(": ");
        }
        if (field != null && !field.isEmpty()) {
            text.append("field '").append(field).append("': ");
        }
        errors.add(text.append(message).toString());
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
