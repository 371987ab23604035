package io.parley.api;

import io.parley.http.FieldError;
import io.parley.http.ApiProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The field errors found while reading one request body. Shape errors (wrong JSON type, missing or unknown member)
 * make the whole refusal a 400; value errors alone make it a 422. All of them are reported together.
 */
final class Violations {
    private final List<FieldError> errors = new ArrayList<>();
    private boolean shapeBroken;

    /** The member is missing, has the wrong JSON type or is not a known member. */
    void shape(String field, String message) {
        shapeBroken = true;
        errors.add(new FieldError(field, message));
    }

    /** The member has the right type but a value the rules do not accept. */
    void value(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Whether an error was already recorded for field or anything inside it. */
    boolean touches(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field)
                || e.field().startsWith(field + ".") || e.field().startsWith(field + "["));
    }

    void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        throw shapeBroken ? ApiProblem.malformed(errors) : ApiProblem.validation(errors);
    }
}
