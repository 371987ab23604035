package io.parley.enrollment;

import java.util.List;
import java.util.Objects;

/**
 * Why the enrollment logic will not do what it was asked: the request's values break a rule (naming each member),
 * the request contradicts the current state, what it names does not exist, or a request key was reused for another
 * request. Whoever asked decides how to tell its caller (the API maps each to a status and a problem document). A
 * refusal is an answer, not a fault: it carries no stack trace.
 */
public abstract sealed class Refusal extends RuntimeException {

    private Refusal(String message) {
        super(message, null, false, false);
    }

    /** One member of a request and what is wrong with it ("account.dueDate", "is required by sequence m1-early"). */
    public record Violation(String field, String message) {
        public Violation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The request's values break a rule: an unknown sequence or rule pack, a due date or an address it needs. */
    public static final class Invalid extends Refusal {
        private final List<Violation> violations;

        public Invalid(List<Violation> violations) {
            super(violations.isEmpty() ? "invalid request"
                    : violations.get(0).field() + " " + violations.get(0).message());
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** The request contradicts the current state: an open enrollment, a hold, a cease request, a status. */
    public static final class Conflict extends Refusal {
        public Conflict(String detail) {
            super(detail);
        }
    }

    /** What the request names does not exist ("enrollment 7f3c..."). */
    public static final class NotFound extends Refusal {
        private final String what;

        public NotFound(String what) {
            super(what + " was not found");
            this.what = what;
        }

        public String what() {
            return what;
        }
    }

    /** The request key was already used with a different request. */
    public static final class KeyReused extends Refusal {
        public KeyReused() {
            super("this request key was already used with a different request");
        }
    }
}
