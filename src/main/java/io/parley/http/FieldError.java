package io.parley.http;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * One reason a request was refused, tied to the member it concerns. field is a JSON path into the request body
 * ("debtor.contactPoints[1].address", "variables['first name']"); message says what is wrong in words a caller
 * can act on ("must be a string", "is required").
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public JsonObject toJson() {
        return new JsonObject().put("field", field).put("message", message);
    }
}
