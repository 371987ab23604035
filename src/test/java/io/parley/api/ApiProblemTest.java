package io.parley.api;

import io.parley.http.FieldError;
import io.parley.http.ApiProblem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ApiProblemTest {

    static Stream<Arguments> factories() {
        List<FieldError> one = List.of(new FieldError("debtor.locale", "is required"));
        List<FieldError> two = List.of(new FieldError("caseId", "is required"), new FieldError("x", "is not a known field"));
        return Stream.of(
                arguments(ApiProblem.validation(one), 422, "validation", "debtor.locale is required"),
                arguments(ApiProblem.malformed(two), 400, "malformed-request", "2 fields are invalid; see errors"),
                arguments(ApiProblem.malformed("the request body is not valid JSON"), 400, "malformed-request",
                        "the request body is not valid JSON"),
                arguments(ApiProblem.notFound("enrollment e-1"), 404, "not-found", "enrollment e-1 was not found"),
                arguments(ApiProblem.conflict("enrollment e-1 is completed"), 409, "conflict",
                        "enrollment e-1 is completed"),
                arguments(ApiProblem.unauthorized(), 401, "unauthorized", "a valid bearer token is required"),
                arguments(ApiProblem.forbidden(), 403, "forbidden",
                        "the API key is not allowed to perform this operation"),
                arguments(ApiProblem.payloadTooLarge(65536), 413, "payload-too-large",
                        "the request body exceeds the limit of 65536 bytes"),
                arguments(ApiProblem.payloadTooLarge(0), 413, "payload-too-large",
                        "the request body exceeds the size limit"),
                arguments(ApiProblem.unsupportedMediaType(), 415, "unsupported-media-type",
                        "the request body must be application/json"),
                arguments(ApiProblem.idempotencyMismatch(), 422, "idempotency-mismatch",
                        "this Idempotency-Key was already used with a different request body"),
                arguments(ApiProblem.methodNotAllowed(), 405, "method-not-allowed",
                        "the resource does not support this HTTP method"),
                arguments(ApiProblem.internal("i-1"), 500, "internal",
                        "the request could not be completed; request id i-1"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("factories")
    void factoriesGiveStatusTypeAndDetail(ApiProblem problem, int status, String slug, String detail) {
        assertEquals(status, problem.status());
        assertEquals(URI.create("https://parley.dev/problems/" + slug), problem.type());
        assertEquals(detail, problem.detail());
        JsonObject json = problem.toJson();
        assertEquals(List.of("type", "title", "status", "detail", "errors"), List.copyOf(json.fieldNames()));
        assertEquals(status, json.getInteger("status"));
        assertEquals(problem.errors().size(), json.getJsonArray("errors").size());
    }

    @Test
    void serialisesFieldErrorsInOrder() {
        ApiProblem problem = ApiProblem.validation(List.of(
                new FieldError("debtor.contactPoints[1].address", "is not a valid phone number"),
                new FieldError("account.currency", "must be an ISO 4217 currency code such as USD")));

        assertEquals(new JsonObject()
                        .put("type", "https://parley.dev/problems/validation")
                        .put("title", "Invalid request")
                        .put("status", 422)
                        .put("detail", "2 fields are invalid; see errors")
                        .put("errors", new JsonArray()
                                .add(new JsonObject().put("field", "debtor.contactPoints[1].address")
                                        .put("message", "is not a valid phone number"))
                                .add(new JsonObject().put("field", "account.currency")
                                        .put("message", "must be an ISO 4217 currency code such as USD"))),
                problem.toJson());
    }

    @Test
    void refusesStatusesThatAreNotErrors() {
        assertThrows(IllegalArgumentException.class,
                () -> new ApiProblem(302, ApiProblem.ABOUT_BLANK, "Found", "moved", List.of()));
    }
}
