package io.parley.api;

import io.parley.http.ApiProblem;
import io.parley.domain.CaseEventType;
import io.parley.enrollment.CaseEventRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.parley.api.JsonFields.OPTIONAL;
import static io.parley.api.JsonFields.REQUIRED;

/**
 * Reads a fact about a case reported by the collection engine (POST /v1/cases/{caseId}/events) from its JSON body.
 */
public final class CaseEventReader {
    /** How far in the future occurredAt may be, to allow for clock skew between the engine and us. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    static final int MAX_DETAILS = 50;

    private static final Set<String> KEYS = Set.of("type", "occurredAt", "reference", "details");
    private static final String TYPES = Stream.of(CaseEventType.values()).map(CaseEventType::wire)
            .collect(Collectors.joining(", "));

    private CaseEventReader() {
    }

    /**
     * Reads and checks a request body, collecting every field error before refusing it.
     *
     * @param clock gives the time of receipt, the default for occurredAt and the bound it may not pass
     * @throws ApiProblem 400 when the body does not have the request's shape, 422 when values are not acceptable
     */
    public static CaseEventRequest parse(JsonObject body, Clock clock) {
        Violations violations = new Violations();
        JsonFields root = JsonFields.root(body, violations);
        root.rejectUnknown(KEYS);
        CaseEventType type = null;
        String wire = root.string("type", REQUIRED);
        if (wire != null) {
            try {
                type = CaseEventType.parse(wire);
            } catch (IllegalArgumentException e) {
                root.invalid("type", "must be one of " + TYPES);
            }
        }
        Instant now = clock.instant();
        Instant occurredAt = root.instant("occurredAt", OPTIONAL);
        if (occurredAt != null && occurredAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            root.invalid("occurredAt", "must not be in the future");
        }
        String reference = root.text("reference", OPTIONAL, 256);
        JsonFields detailFields = root.object("details", OPTIONAL);
        Map<String, Object> details = detailFields == null ? new LinkedHashMap<>()
                : plain(detailFields.json());
        if (details.size() > MAX_DETAILS) {
            root.invalid("details", "must have at most " + MAX_DETAILS + " entries");
        }
        if (type == CaseEventType.PROMISE_TO_PAY) {
            promise(root, detailFields, details);
        }
        violations.throwIfAny();
        return new CaseEventRequest(type, occurredAt != null ? occurredAt : now, reference, details);
    }

    /** A promise needs details.amount (more than zero) and details.date; both are stored normalised. */
    private static void promise(JsonFields root, JsonFields detailFields, Map<String, Object> details) {
        if (detailFields == null) {
            if (!root.violations().touches(root.pathOf("details"))) {
                root.malformed("details", "is required for promise_to_pay (amount and date)");
            }
            return;
        }
        BigDecimal amount = detailFields.decimal("amount", REQUIRED);
        if (amount != null && amount.signum() <= 0) {
            detailFields.invalid("amount", "must be more than zero");
        } else if (amount != null) {
            BigDecimal exact = amount.stripTrailingZeros();
            details.put("amount", exact.scale() < 0 ? exact.setScale(0) : exact);
        }
        LocalDate date = detailFields.date("date", REQUIRED);
        if (date != null) {
            details.put("date", date.toString());
        }
    }

    private static Map<String, Object> plain(JsonObject object) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : object.fieldNames()) {
            out.put(key, plainValue(object.getValue(key)));
        }
        return out;
    }

    private static Object plainValue(Object value) {
        if (value instanceof JsonObject o) {
            return Collections.unmodifiableMap(plain(o));
        }
        if (value instanceof JsonArray a) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                list.add(plainValue(a.getValue(i)));
            }
            return Collections.unmodifiableList(list);
        }
        return value;
    }
}
