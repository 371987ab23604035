package io.parley.api;

import io.parley.http.ApiProblem;
import io.parley.domain.Account;
import io.parley.domain.Debtor;
import io.parley.enrollment.EnrollmentRequest;
import io.parley.policy.ContactPreferences;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.parley.api.JsonFields.OPTIONAL;
import static io.parley.api.JsonFields.REQUIRED;

/** Reads a request to enroll a case in a contact sequence (POST /v1/enrollments) from its JSON body. */
public final class EnrollmentReader {
    static final int MAX_VARIABLES = 50;
    static final int MAX_VARIABLE_VALUE = 2000;

    private static final Set<String> KEYS = Set.of("caseId", "sequence", "sequenceVersion", "startAt", "debtor",
            "account", "variables", "policyPacks");
    private static final Pattern SEQUENCE = Pattern.compile("[a-z0-9-]{1,128}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private EnrollmentReader() {
    }

    /**
     * Reads and checks a request body, collecting every field error before refusing it.
     *
     * @throws ApiProblem 400 when the body does not have the request's shape, 422 when values are not acceptable
     */
    public static EnrollmentRequest parse(JsonObject body) {
        Violations violations = new Violations();
        JsonFields root = JsonFields.root(body, violations);
        root.rejectUnknown(KEYS);
        String caseId = root.identifier("caseId", REQUIRED);
        String sequence = root.matching("sequence", REQUIRED, SEQUENCE,
                "must be 1-128 characters of a-z, 0-9 and '-'");
        Integer version = root.integer("sequenceVersion", OPTIONAL);
        if (version != null && version < 1) {
            root.invalid("sequenceVersion", "must be at least 1");
        }
        Instant startAt = root.instant("startAt", OPTIONAL);
        JsonFields debtorFields = root.object("debtor", REQUIRED);
        Debtor debtor = DebtorReader.read(debtorFields);
        ContactPreferences preferences = debtorFields == null ? null
                : PreferencesReader.read(debtorFields.object("preferences", OPTIONAL));
        Account account = AccountReader.read(root.object("account", REQUIRED));
        Map<String, String> variables = variables(root.object("variables", OPTIONAL));
        List<String> packs = root.strings("policyPacks", OPTIONAL, 64);
        violations.throwIfAny();
        return new EnrollmentRequest(caseId, sequence, version, startAt, debtor, account, variables, packs,
                preferences);
    }

    private static Map<String, String> variables(JsonFields variables) {
        Map<String, String> out = new LinkedHashMap<>();
        if (variables == null) {
            return out;
        }
        if (variables.keys().size() > MAX_VARIABLES) {
            variables.violations().value(variables.path(), "must have at most " + MAX_VARIABLES + " entries");
        }
        for (String name : variables.keys()) {
            if (!VARIABLE_NAME.matcher(name).matches()) {
                variables.invalid(name, "is not a valid variable name (1-64 characters of A-Z, a-z, 0-9 and '_')");
            }
            Object value = variables.value(name);
            if (!(value instanceof String s)) {
                variables.malformed(name, "must be a string");
            } else if (s.length() > MAX_VARIABLE_VALUE) {
                variables.invalid(name, "must be at most " + MAX_VARIABLE_VALUE + " characters");
            } else {
                out.put(name, s);
            }
        }
        return out;
    }
}
