package io.parley.api;

import io.parley.http.ApiProblem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads of the members of one JSON object of a request body, at a JSON path. A member of the wrong type, or a
 * required member that is missing, null or blank, is recorded in the shared {@link Violations} and read as null;
 * nothing here throws on bad input. An optional member that is absent, null or a blank string reads as null.
 * Strings are trimmed.
 */
final class JsonFields {
    static final boolean REQUIRED = true;
    static final boolean OPTIONAL = false;

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final JsonObject json;
    private final String path;
    private final Violations violations;

    private JsonFields(JsonObject json, String path, Violations violations) {
        this.json = json;
        this.path = path;
        this.violations = violations;
    }

    /** The body itself; a missing body is refused at once, since there is nothing to report field by field. */
    static JsonFields root(JsonObject body, Violations violations) {
        if (body == null) {
            throw ApiProblem.malformed("the request body must be a JSON object");
        }
        return new JsonFields(body, "", violations);
    }

    Violations violations() {
        return violations;
    }

    String path() {
        return path;
    }

    /** The object itself, for members whose content is free-form. */
    JsonObject json() {
        return json;
    }

    /** The JSON path of a member of this object. */
    String pathOf(String key) {
        String step = PLAIN_KEY.matcher(key).matches() ? key : "['" + key.replace("'", "\\'") + "']";
        if (path.isEmpty()) {
            return step;
        }
        return step.startsWith("[") ? path + step : path + "." + step;
    }

    boolean has(String key) {
        return json.getValue(key) != null;
    }

    /** Records every member not in known, so that misspelt members are reported rather than ignored. */
    void rejectUnknown(Set<String> known) {
        for (String key : json.fieldNames()) {
            if (!known.contains(key)) {
                violations.shape(pathOf(key), "is not a known field");
            }
        }
    }

    Set<String> keys() {
        return json.fieldNames();
    }

    /** The member as decoded (JsonObject, JsonArray, String, Number, Boolean), or null. */
    Object value(String key) {
        return json.getValue(key);
    }

    /** Records that a member is missing or has the wrong JSON type: a shape error. */
    void malformed(String key, String message) {
        violations.shape(pathOf(key), message);
    }

    void invalid(String key, String message) {
        violations.value(pathOf(key), message);
    }

    String string(String key, boolean required) {
        Object v = present(key, required);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            violations.shape(pathOf(key), "must be a string");
            return null;
        }
        String trimmed = s.strip();
        if (trimmed.isEmpty()) {
            if (required) {
                violations.value(pathOf(key), "must not be blank");
            }
            return null;
        }
        return trimmed;
    }

    /** A string of at most max characters and no control characters. */
    String text(String key, boolean required, int max) {
        String s = string(key, required);
        if (s == null) {
            return null;
        }
        if (s.length() > max) {
            invalid(key, "must be at most " + max + " characters");
            return null;
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            invalid(key, "must not contain control characters");
            return null;
        }
        return s;
    }

    /** A string matching pattern entirely; rule describes the pattern to the caller. */
    String matching(String key, boolean required, Pattern pattern, String rule) {
        String s = string(key, required);
        if (s != null && !pattern.matcher(s).matches()) {
            invalid(key, rule);
            return null;
        }
        return s;
    }

    /** An identifier of the caller's: 1-128 characters of A-Z a-z 0-9 . _ : - */
    String identifier(String key, boolean required) {
        return matching(key, required, IDENTIFIER, "must be 1-128 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'");
    }

    Boolean bool(String key, boolean required) {
        Object v = present(key, required);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Boolean b)) {
            violations.shape(pathOf(key), "must be a boolean");
            return null;
        }
        return b;
    }

    Integer integer(String key, boolean required) {
        Object v = present(key, required);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Integer || v instanceof Long || v instanceof BigInteger || v instanceof Short
                || v instanceof Byte)) {
            violations.shape(pathOf(key), "must be an integer");
            return null;
        }
        BigInteger big = v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
        if (big.bitLength() > 31) {
            invalid(key, "must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
            return null;
        }
        return big.intValue();
    }

    /** A JSON number or a string holding a plain decimal ("120.50"); strings are exact, numbers are doubles. */
    BigDecimal decimal(String key, boolean required) {
        Object v = present(key, required);
        if (v == null) {
            return null;
        }
        JsonDecimals.Read read = JsonDecimals.read(v);
        switch (read.problem()) {
            case NONE -> {
                return read.value();
            }
            case NOT_DECIMAL_TEXT -> invalid(key, "must be a decimal number such as 120.50");
            case NOT_FINITE -> invalid(key, "must be a finite number");
            case NOT_A_NUMBER -> violations.shape(pathOf(key), "must be a number or a decimal string");
        }
        return null;
    }

    /** An ISO-8601 date-time with an offset ("2025-03-01T09:00:00+08:00", "...Z"), in years 1900-2200. */
    Instant instant(String key, boolean required) {
        return temporal(key, required, JsonTimes::instant, JsonTimes.INSTANT_RULE);
    }

    /** An ISO-8601 calendar date ("2025-03-01"), in years 1900-2200. */
    LocalDate date(String key, boolean required) {
        return temporal(key, required, JsonTimes::date, JsonTimes.DATE_RULE);
    }

    private <T> T temporal(String key, boolean required, java.util.function.Function<String, Optional<T>> read,
                           String rule) {
        String s = string(key, required);
        if (s == null) {
            return null;
        }
        Optional<T> value = read.apply(s);
        if (value.isEmpty()) {
            invalid(key, rule);
        }
        return value.orElse(null);
    }

    JsonFields object(String key, boolean required) {
        Object v = present(key, required);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            violations.shape(pathOf(key), "must be an object");
            return null;
        }
        return new JsonFields(o, pathOf(key), violations);
    }


    /** The elements of an array of objects; elements that are not objects are recorded and left out. */
    List<JsonFields> objects(String key, boolean required) {
        JsonArray array = array(key, required);
        List<JsonFields> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            String at = pathOf(key) + "[" + i + "]";
            if (array.getValue(i) instanceof JsonObject o) {
                out.add(new JsonFields(o, at, violations));
            } else {
                violations.shape(at, "must be an object");
            }
        }
        return out;
    }

    /** The elements of an array of strings, trimmed; elements that are not non-blank strings are recorded. */
    List<String> strings(String key, boolean required, int maxLength) {
        JsonArray array = array(key, required);
        List<String> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            String at = pathOf(key) + "[" + i + "]";
            Object v = array.getValue(i);
            if (!(v instanceof String s)) {
                violations.shape(at, "must be a string");
            } else if (s.isBlank()) {
                violations.value(at, "must not be blank");
            } else if (s.strip().length() > maxLength) {
                violations.value(at, "must be at most " + maxLength + " characters");
            } else {
                out.add(s.strip());
            }
        }
        return out;
    }

    private JsonArray array(String key, boolean required) {
        Object v = present(key, required);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonArray a)) {
            violations.shape(pathOf(key), "must be an array");
            return null;
        }
        return a;
    }

    private Object present(String key, boolean required) {
        Object v = json.getValue(key);
        if (v == null && required) {
            violations.shape(pathOf(key), "is required");
        }
        return v;
    }
}
