package io.parley.enrollment;

import io.parley.domain.CaseEventType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fact about a case reported by the collection engine; sequences stop or pause on it.
 *
 * @param type       what happened
 * @param occurredAt when it happened
 * @param reference  the caller's reference for the fact (a payment id...), or null
 * @param details    free-form details as plain values (Map, List, String, Number, Boolean); for promise_to_pay,
 *                   "amount" is a BigDecimal above zero and "date" an ISO date string. Never null.
 */
public record CaseEventRequest(CaseEventType type, Instant occurredAt, String reference, Map<String, Object> details) {

    /** The promise a debtor made: to pay amount on or before date. */
    public record PromiseToPay(BigDecimal amount, LocalDate date) {
    }

    public CaseEventRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        if (type == CaseEventType.PROMISE_TO_PAY && promise(details).isEmpty()) {
            throw new IllegalArgumentException("a promise to pay has details.amount above zero and details.date");
        }
    }

    /** The promise in the details of a promise_to_pay event; empty for other events. */
    public Optional<PromiseToPay> promiseToPay() {
        return type == CaseEventType.PROMISE_TO_PAY ? promise(details) : Optional.empty();
    }

    private static Optional<PromiseToPay> promise(Map<String, Object> details) {
        if (!(details.get("amount") instanceof BigDecimal amount) || amount.signum() <= 0
                || !(details.get("date") instanceof String date)) {
            return Optional.empty();
        }
        return Optional.of(new PromiseToPay(amount, LocalDate.parse(date)));
    }
}
