package io.parley.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;

import java.util.HashMap;
import java.util.Map;

/** Requests as {@link ApiRouter} hands them to the contract: as the API reads them. */
final class ApiRequests {
    private ApiRequests() {
    }

    /**
     * The request as the router checks it, its body as the BodyHandler collected it, read as the API's readers have
     * always read requests: an empty query value ({@code ?after=}, as the README's examples send it) is no value, and
     * a JSON member whose value is null is an absent member (so a null required member "is required").
     */
    static Future<ValidatableRequest> extract(RoutingContext ctx, Operation operation) {
        return RequestExtractor.withBodyHandler().extractValidatableRequest(ctx, operation).map(request -> {
            Map<String, RequestParameter> query = new HashMap<>(request.getQuery());
            query.values().removeIf(value -> value.isString() && value.getString().isEmpty());
            keepStrings(query, operation);
            return new AsRead(request, query, withoutNulls(request.getBody(), request.getContentType()));
        });
    }

    /**
     * A query value the description says is a string stays one: vertx-openapi reads every query value as JSON when
     * it can, so "+16465550100" (a phone number) or "123" would reach the string schema as a number. Such a value is
     * handed on as the JSON string it is.
     */
    private static void keepStrings(Map<String, RequestParameter> query, Operation operation) {
        for (io.vertx.openapi.contract.Parameter parameter : operation.getParameters()) {
            RequestParameter value = query.get(parameter.getName());
            if (parameter.getIn() == io.vertx.openapi.contract.Location.QUERY
                    && parameter.getSchemaType() == io.vertx.json.schema.common.dsl.SchemaType.STRING
                    && value != null && value.isString() && !(decoded(value.getString()) instanceof String)) {
                String quoted = Json.encode(value.getString());
                query.put(parameter.getName(), () -> quoted);
            }
        }
    }

    private static Object decoded(String text) {
        try {
            return Json.decodeValue(text);
        } catch (DecodeException e) {
            return text;
        }
    }

    private static RequestParameter withoutNulls(RequestParameter body, String contentType) {
        // a JSON text without the word null has no null member: most bodies are passed on as they came
        if (body == null || !body.isBuffer() || !JsonBody.isJson(contentType)
                || !body.getBuffer().toString().contains("null")) {
            return body;
        }
        try {
            Object json = Json.decodeValue(body.getBuffer());
            dropNullMembers(json);
            Buffer cleaned = Json.encodeToBuffer(json);
            return () -> cleaned;
        } catch (DecodeException e) {
            return body; // the router reports it
        }
    }

    private static void dropNullMembers(Object json) {
        if (json instanceof JsonObject object) {
            object.fieldNames().removeIf(key -> object.getValue(key) == null);
            object.forEach(member -> dropNullMembers(member.getValue()));
        } else if (json instanceof JsonArray array) {
            array.forEach(ApiRequests::dropNullMembers);
        }
    }

    private record AsRead(ValidatableRequest request, Map<String, RequestParameter> query, RequestParameter body)
            implements ValidatableRequest {
        @Override
        public Map<String, RequestParameter> getQuery() {
            return query;
        }

        @Override
        public RequestParameter getBody() {
            return body;
        }

        @Override
        public Map<String, RequestParameter> getCookies() {
            return request.getCookies();
        }

        @Override
        public Map<String, RequestParameter> getPathParameters() {
            return request.getPathParameters();
        }

        @Override
        public Map<String, RequestParameter> getHeaders() {
            return request.getHeaders();
        }

        @Override
        public String getContentType() {
            return request.getContentType();
        }
    }
}
