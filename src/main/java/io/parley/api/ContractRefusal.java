package io.parley.api;

import io.parley.http.ApiProblem;
import io.parley.http.FieldError;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request the OpenAPI router refused, told as a problem that names each field: a query, path or header parameter
 * by its name (400), a member of a JSON body by its path ({@code debtor.contactPoints[0].address}): 400 when the
 * body does not have the described shape (a wrong type, a missing or unknown member), 422 when only values break
 * the description's rules.
 */
final class ContractRefusal {
    /** Keywords that only say that something inside broke a rule; that something is reported instead. */
    private static final Set<String> CONTAINERS = Set.of("$ref", "$dynamicRef", "$recursiveRef", "properties",
            "patternProperties", "items", "prefixItems", "allOf", "if", "then", "else", "dependentSchemas", "contains");
    private static final Set<String> SHAPE = Set.of("required", "type", "additionalProperties",
            "unevaluatedProperties");
    private static final int MAX_CAUSE_DEPTH = 8;

    private ContractRefusal() {
    }

    /** The router's refusal among the causes of a failure, or null when the failure is something else. */
    static ValidatorException find(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof ValidatorException refusal) {
                return refusal;
            }
        }
        return null;
    }

    static ApiProblem problem(Operation operation, ValidatorException refusal) {
        Parameter parameter = parameter(operation, refusal.getMessage());
        if (parameter != null) {
            String message = refusal.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER ? "is required"
                    : "is not valid" + reason(refusal);
            return ApiProblem.malformed(List.of(new FieldError(parameter.getName(), message)));
        }
        if (refusal instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
            return body(schema.getOutputUnit());
        }
        return switch (refusal.type()) {
            case MISSING_REQUIRED_PARAMETER -> ApiProblem.malformed("the request body is empty; a JSON object is expected");
            case UNSUPPORTED_VALUE_FORMAT -> ApiProblem.unsupportedMediaType();
            default -> ApiProblem.malformed("the request body is not valid JSON");
        };
    }

    /**
     * The contract's refusal, told as the operation's own reader tells it when the reader refuses the request too:
     * its field errors, in its words, plus those of the contract on members the reader said nothing about (400 if
     * either found the shape wrong). A reader's problem that names no field (415, 404, not JSON) stands as it is.
     */
    static ApiProblem merge(ApiProblem contract, ApiProblem explained) {
        if (explained == null) {
            return contract;
        }
        if (explained.errors().isEmpty()) {
            return explained;
        }
        List<FieldError> errors = new ArrayList<>(explained.errors());
        List<FieldError> added = contract.errors().stream().filter(e -> errors.stream()
                .noneMatch(known -> related(known.field(), e.field()))).toList();
        if (added.isEmpty()) {
            return explained;
        }
        errors.addAll(added);
        return explained.status() == 400 || contract.status() == 400 ? ApiProblem.malformed(errors)
                : ApiProblem.validation(errors);
    }

    /** Whether one field is the other or inside it. */
    private static boolean related(String a, String b) {
        return inside(a, b) || inside(b, a);
    }

    private static boolean inside(String field, String container) {
        return field.equals(container) || field.startsWith(container + ".") || field.startsWith(container + "[");
    }

    /**
     * The parameter a refusal is about. vertx-openapi names it only in its message ("The value of query parameter
     * limit is invalid..."), so each of the operation's parameters is looked for there.
     */
    private static Parameter parameter(Operation operation, String message) {
        for (Parameter p : operation.getParameters()) {
            String named = " parameter " + p.getName();
            if (message.contains(named + " ") || message.contains(named + ".") || message.endsWith(named)) {
                return p;
            }
        }
        return null;
    }

    private static String reason(ValidatorException refusal) {
        if (refusal instanceof SchemaValidationException schema && schema.getOutputUnit() != null
                && schema.getOutputUnit().getErrors() != null && !schema.getOutputUnit().getErrors().isEmpty()) {
            List<OutputUnit> errors = schema.getOutputUnit().getErrors();
            return ": " + lowerFirst(errors.get(errors.size() - 1).getError());
        }
        return "";
    }

    /** One error per member, the first the validator found that is not only about what is inside it. */
    private static ApiProblem body(OutputUnit result) {
        Map<String, FieldError> byField = new LinkedHashMap<>();
        boolean shapeBroken = false;
        List<OutputUnit> units = result.getErrors() == null ? List.of() : result.getErrors();
        List<String> alternatives = new ArrayList<>();
        for (OutputUnit unit : units) {
            String keyword = keyword(unit);
            String pointer = unit.getInstanceLocation();
            if (CONTAINERS.contains(keyword) || alternatives.stream().anyMatch(a -> within(pointer, a))
                    || (keyword.endsWith("Properties") && nestedError(units, unit))) {
                continue;
            }
            if (keyword.equals("oneOf") || keyword.equals("anyOf")) {
                alternatives.add(pointer);
            }
            String field = keyword.equals("required") ? JsonPaths.of(pointer, quoted(unit.getError()))
                    : JsonPaths.of(pointer, null);
            if (!byField.containsKey(field)) {
                byField.put(field, new FieldError(field, message(keyword, unit.getError())));
                shapeBroken |= SHAPE.contains(keyword);
            }
        }
        List<FieldError> errors = new ArrayList<>(byField.values());
        if (errors.isEmpty() || errors.stream().anyMatch(e -> e.field().isEmpty())) {
            String why = errors.isEmpty() ? "" : ": " + errors.get(0).message();
            return ApiProblem.malformed("the request body does not match the API description" + why);
        }
        return shapeBroken ? ApiProblem.malformed(errors) : ApiProblem.validation(errors);
    }

    private static boolean within(String pointer, String ancestor) {
        return pointer.equals(ancestor) || pointer.startsWith(ancestor + "/");
    }

    /** Whether a member refused as unknown was in fact refused for its value (additionalProperties: {schema}). */
    private static boolean nestedError(List<OutputUnit> units, OutputUnit unit) {
        return units.stream().anyMatch(u -> u != unit && within(u.getInstanceLocation(), unit.getInstanceLocation())
                && !keyword(u).endsWith("Properties") && !CONTAINERS.contains(keyword(u)));
    }

    private static String keyword(OutputUnit unit) {
        String location = unit.getKeywordLocation() == null ? "" : unit.getKeywordLocation();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String message(String keyword, String error) {
        return switch (keyword) {
            case "required" -> "is required";
            case "additionalProperties", "unevaluatedProperties" -> "is not a known field";
            case "type" -> "must be " + types(error.substring(error.lastIndexOf("Expected ") + "Expected ".length()));
            case "enum" -> "must be one of " + error.substring(error.indexOf('[') + 1, error.lastIndexOf(']'))
                    .replace("\"", "").replace(",", ", ");
            case "oneOf", "anyOf" -> "does not have any of the forms the API description allows";
            case "format" -> "must be a valid " + quoted(error);
            default -> "is not valid: " + lowerFirst(error);
        };
    }

    /** "string, null" as "a string or null". */
    private static String types(String expected) {
        List<String> words = new ArrayList<>();
        for (String type : expected.split(",\\s*")) {
            String t = type.strip();
            words.add(t.equals("null") ? "null" : ("aeiou".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t);
        }
        return String.join(" or ", words);
    }

    private static String quoted(String error) {
        int end = error.lastIndexOf('"');
        int start = error.lastIndexOf('"', end - 1);
        return start < 0 ? error : error.substring(start + 1, end);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
