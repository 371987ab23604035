package io.parley.enrollment;

import io.parley.domain.CaseEventType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The records the enrollment logic takes and gives hold their shape whoever builds them. */
class EnrollmentResultsTest {

    @Test
    void anEnrollmentReadsBackAsItWasWritten() {
        Enrolled enrolled = new Enrolled(UUID.randomUUID(), "case-1", "demo", 3, Instant.parse("2026-11-20T15:00:00Z"),
                Instant.parse("2026-11-20T15:00:00Z"), ZoneId.of("America/New_York"),
                List.of(new Enrolled.Planned("sms-1", "sms", "reminder", Instant.parse("2026-11-20T15:00:00Z")),
                        new Enrolled.Planned("letter", "letter", "final", Instant.parse("2026-12-01T14:00:00Z"))));

        assertEquals(enrolled, Enrolled.fromJson(enrolled.toJson()));
        assertEquals(enrolled.toJson(), Enrolled.fromJson(enrolled.toJson().copy()).toJson());
        assertEquals("active", enrolled.toJson().getString("status"));
    }

    @Test
    void aPromiseToPayNeedsAnAmountAboveZeroAndADate() {
        Instant at = Instant.parse("2026-11-20T15:00:00Z");
        assertThrows(IllegalArgumentException.class,
                () -> new CaseEventRequest(CaseEventType.PROMISE_TO_PAY, at, null, Map.of("date", "2026-12-01")));
        assertThrows(IllegalArgumentException.class, () -> new CaseEventRequest(CaseEventType.PROMISE_TO_PAY, at,
                null, Map.of("amount", BigDecimal.ZERO, "date", "2026-12-01")));
        CaseEventRequest promise = new CaseEventRequest(CaseEventType.PROMISE_TO_PAY, at, null,
                Map.of("amount", new BigDecimal("50"), "date", "2026-12-01"));
        assertEquals(new BigDecimal("50"), promise.promiseToPay().orElseThrow().amount());
    }

    @Test
    void refusalsSayWhatIsWrong() {
        Refusal.Invalid invalid = new Refusal.Invalid(List.of(new Refusal.Violation("sequence", "no sequence named 'x'")));
        assertEquals("sequence no sequence named 'x'", invalid.getMessage());
        assertEquals("enrollment e-1 was not found", new Refusal.NotFound("enrollment e-1").getMessage());
        assertThrows(IllegalArgumentException.class, () -> new IdempotencyKey("engine", " ", "hash"));
    }
}
