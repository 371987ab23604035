package io.parley.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A refusal the API reports to its caller as an RFC 9457 problem ({@code application/problem+json}).
 *
 * <p>Status codes for bodies that cannot be accepted:
 * <ul>
 *   <li>400 {@code malformed-request}: the body is not JSON, not a JSON object, or does not have the shape of the
 *   command: a member has the wrong JSON type, a required member is missing, or a member is not known. Every
 *   field error found is listed, including value errors found alongside.</li>
 *   <li>422 {@code validation}: the body has the right shape but values break the rules (an invalid phone number,
 *   an unknown currency, a balance with too many decimals...).</li>
 *   <li>422 {@code idempotency-mismatch}: an Idempotency-Key was reused with a different body.</li>
 * </ul>
 * Thrown as an exception it carries no stack trace: it is an answer, not a fault.
 */
public final class ApiProblem extends RuntimeException {

    /** Problem type URIs are this base followed by a slug; they identify the problem, they need not resolve. */
    public static final String TYPE_BASE = "https://parley.dev/problems/";
    /** The RFC 9457 type of a problem that is no more than its HTTP status. */
    public static final URI ABOUT_BLANK = URI.create("about:blank");

    private final int status;
    private final URI type;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    public ApiProblem(int status, URI type, String title, String detail, List<FieldError> errors) {
        super(title + ": " + detail, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.title = Objects.requireNonNull(title, "title");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** 422: the body has the expected shape but some values are not acceptable. */
    public static ApiProblem validation(List<FieldError> errors) {
        return new ApiProblem(422, type("validation"), "Invalid request", describe(errors), errors);
    }

    /** 400: the body does not have the shape of the command (wrong JSON types, missing or unknown members). */
    public static ApiProblem malformed(List<FieldError> errors) {
        return new ApiProblem(400, type("malformed-request"), "Malformed request", describe(errors), errors);
    }

    /** 400: the body cannot be read at all (not JSON, not an object, empty). */
    public static ApiProblem malformed(String detail) {
        return new ApiProblem(400, type("malformed-request"), "Malformed request", detail, List.of());
    }

    /** 404: what ("enrollment 7f3c...") does not exist, or is not visible to the caller. */
    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, type("not-found"), "Not found", what + " was not found", List.of());
    }

    /** 409: the request contradicts the current state (an active enrollment exists, a transition is not allowed). */
    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, type("conflict"), "Conflict", detail, List.of());
    }

    public static ApiProblem unauthorized() {
        return new ApiProblem(401, type("unauthorized"), "Unauthorized",
                "a valid bearer token is required", List.of());
    }

    public static ApiProblem forbidden() {
        return forbidden("the API key is not allowed to perform this operation");
    }

    /** 403 saying why this key may not have what it asked for. */
    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, type("forbidden"), "Forbidden", detail, List.of());
    }

    /** 413; max is the accepted body size in bytes, or 0 or less when the limit is not known here. */
    public static ApiProblem payloadTooLarge(long max) {
        String detail = max > 0
                ? "the request body exceeds the limit of " + max + " bytes"
                : "the request body exceeds the size limit";
        return new ApiProblem(413, type("payload-too-large"), "Payload too large", detail, List.of());
    }

    public static ApiProblem unsupportedMediaType() {
        return unsupportedMediaType("application/json");
    }

    /** 415 naming the media type the operation reads. */
    public static ApiProblem unsupportedMediaType(String expected) {
        return new ApiProblem(415, type("unsupported-media-type"), "Unsupported media type",
                "the request body must be " + expected, List.of());
    }

    /** 422: the Idempotency-Key was already used with a different request body. */
    public static ApiProblem idempotencyMismatch() {
        return new ApiProblem(422, type("idempotency-mismatch"), "Idempotency key reused",
                "this Idempotency-Key was already used with a different request body", List.of());
    }

    public static ApiProblem methodNotAllowed() {
        return new ApiProblem(405, type("method-not-allowed"), "Method not allowed",
                "the resource does not support this HTTP method", List.of());
    }

    /** 500 that names only the request's id, under which the cause is logged. */
    public static ApiProblem internal(String requestId) {
        return new ApiProblem(500, type("internal"), "Internal server error",
                "the request could not be completed; request id " + requestId, List.of());
    }

    /** 503: a dependency (the database) cannot be reached for now; the caller should try again later. */
    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, type("unavailable"), "Service unavailable", detail, List.of());
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The problem document: type, title, status, detail and errors (always present, possibly empty). */
    public JsonObject toJson() {
        JsonArray list = new JsonArray();
        errors.forEach(e -> list.add(e.toJson()));
        return new JsonObject()
                .put("type", type.toString())
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("errors", list);
    }

    private static String describe(List<FieldError> errors) {
        int n = errors == null ? 0 : errors.size();
        return switch (n) {
            case 0 -> "the request is not acceptable";
            case 1 -> errors.get(0).field() + " " + errors.get(0).message();
            default -> n + " fields are invalid; see errors";
        };
    }
}
