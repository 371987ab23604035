package io.parley.sequence;

/**
 * A step is timed from the account's due date but the enrollment has none. {@link SequenceDefinition#needsDueDate()}
 * lets callers refuse such an enrollment up front.
 */
public final class MissingDueDateException extends IllegalStateException {
    public MissingDueDateException(SequenceDefinition definition, Step step) {
        super("sequence " + definition.label() + ": step '" + step.id()
                + "' is timed from the due date, but the account has no due date");
    }
}
