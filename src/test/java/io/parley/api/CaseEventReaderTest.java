package io.parley.api;

import io.parley.http.FieldError;
import io.parley.http.ApiProblem;
import io.parley.domain.CaseEventType;
import io.parley.enrollment.CaseEventRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CaseEventReaderTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static Stream<Arguments> badBodies() {
        String types = "must be one of payment_received, promise_to_pay, dispute, cease_request, attorney, "
                + "bankruptcy, replied, recall";
        return Stream.of(
                arguments("{}", 400, List.of(new FieldError("type", "is required"))),
                arguments("{\"type\": 3}", 400, List.of(new FieldError("type", "must be a string"))),
                arguments("{\"type\": \"paid\"}", 422, List.of(new FieldError("type", types))),
                arguments("{\"type\": \"dispute\", \"note\": \"x\"}", 400,
                        List.of(new FieldError("note", "is not a known field"))),
                arguments("{\"type\": \"dispute\", \"occurredAt\": \"yesterday\"}", 422,
                        List.of(new FieldError("occurredAt",
                                "must be an ISO-8601 date-time with an offset, such as 2025-03-01T09:00:00Z, between 1900-01-01 and 2200-12-31"))),
                arguments("{\"type\": \"dispute\", \"occurredAt\": \"2025-03-10T12:06:00Z\"}", 422,
                        List.of(new FieldError("occurredAt", "must not be in the future"))),
                arguments("{\"type\": \"dispute\", \"reference\": \"" + "r".repeat(257) + "\"}", 422,
                        List.of(new FieldError("reference", "must be at most 256 characters"))),
                arguments("{\"type\": \"dispute\", \"details\": [1]}", 400,
                        List.of(new FieldError("details", "must be an object"))),
                arguments("{\"type\": \"promise_to_pay\"}", 400,
                        List.of(new FieldError("details", "is required for promise_to_pay (amount and date)"))),
                arguments("{\"type\": \"promise_to_pay\", \"details\": {}}", 400, List.of(
                        new FieldError("details.amount", "is required"),
                        new FieldError("details.date", "is required"))),
                arguments("{\"type\": \"promise_to_pay\", \"details\": {\"amount\": 0, \"date\": \"2025-03-20\"}}",
                        422, List.of(new FieldError("details.amount", "must be more than zero"))),
                arguments("{\"type\": \"promise_to_pay\", \"details\": {\"amount\": \"-5\", \"date\": \"x\"}}",
                        422, List.of(new FieldError("details.amount", "must be more than zero"),
                                new FieldError("details.date", "must be an ISO-8601 date such as 2025-03-01, between 1900-01-01 and 2200-12-31"))),
                arguments("{\"type\": \"promise_to_pay\", \"details\": {\"amount\": {}, \"date\": 20250320}}",
                        400, List.of(new FieldError("details.amount", "must be a number or a decimal string"),
                                new FieldError("details.date", "must be a string"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void refusesBadBodiesNamingEveryField(String body, int status, List<FieldError> expected) {
        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> CaseEventReader.parse(new JsonObject(body), CLOCK));

        assertEquals(expected, problem.errors());
        assertEquals(status, problem.status());
    }

    @Test
    void occurredAtDefaultsToTheTimeOfReceipt() {
        CaseEventRequest event = CaseEventReader.parse(new JsonObject("{\"type\": \"PAYMENT_RECEIVED\"}"), CLOCK);

        assertEquals(new CaseEventRequest(CaseEventType.PAYMENT_RECEIVED, NOW, null, Map.of()), event);
        assertEquals(Optional.empty(), event.promiseToPay());
    }

    @Test
    void keepsFreeFormDetailsAsPlainValues() {
        JsonObject body = new JsonObject()
                .put("type", "dispute")
                .put("occurredAt", "2025-03-10T12:04:00Z")
                .put("reference", "DSP-7")
                .put("details", new JsonObject().put("reason", "not mine")
                        .put("items", new JsonArray().add(new JsonObject().put("n", 1))));

        CaseEventRequest event = CaseEventReader.parse(body, CLOCK);

        assertEquals(Instant.parse("2025-03-10T12:04:00Z"), event.occurredAt());
        assertEquals("DSP-7", event.reference());
        assertEquals(Map.of("reason", "not mine", "items", List.of(Map.of("n", 1))), event.details());
    }

    static Stream<Arguments> promises() {
        return Stream.of(
                arguments("\"50.00\"", "50", "2025-03-20"),
                arguments("49.5", "49.5", "2025-03-20"),
                arguments("1200", "1200", "2025-04-01"));
    }

    @ParameterizedTest(name = "amount {0}")
    @MethodSource("promises")
    void readsAndNormalisesAPromiseToPay(String amount, String expected, String date) {
        JsonObject body = new JsonObject("{\"type\": \"promise_to_pay\", \"occurredAt\": \"2025-03-10T08:00:00+08:00\","
                + " \"details\": {\"amount\": " + amount + ", \"date\": \"" + date + "\", \"channel\": \"voice\"}}");

        CaseEventRequest event = CaseEventReader.parse(body, CLOCK);

        assertEquals(Instant.parse("2025-03-10T00:00:00Z"), event.occurredAt());
        assertEquals(Optional.of(new CaseEventRequest.PromiseToPay(new BigDecimal(expected), LocalDate.parse(date))),
                event.promiseToPay());
        assertEquals("voice", event.details().get("channel"));
    }
}
