package io.parley.channel.handoff;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.HttpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An outcome body read field by field, each bad one named; and when an outcome lies outside the lawful window. */
class TaskOutcomeReadingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                                                  | outcome: one of reached",
            "{\"outcome\": \"visited\", \"at\": \"2026-12-04T15:00:00Z\"}         | outcome: one of reached",
            "{\"outcome\": \"timeout\", \"at\": \"2026-12-04T15:00:00Z\"}         | outcome: one of reached",
            "{\"outcome\": \"reached\"}                                           | at: is required",
            "{\"outcome\": \"reached\", \"at\": \"yesterday\"}                    | at: must be an instant",
            "{\"outcome\": \"promised\", \"at\": \"2026-12-04T15:00:00Z\"}        | amount: is required",
            "{\"outcome\": \"promised\", \"at\": \"2026-12-04T15:00:00Z\", \"amount\": \"5\"} | date: is required",
            "{\"outcome\": \"promised\", \"at\": \"2026-12-04T15:00:00Z\", \"amount\": \"-5\", \"date\": \"2026-12-11\"} | amount: must be positive",
            "{\"outcome\": \"reached\", \"at\": \"2026-12-04T15:00:00Z\", \"notes\": 7} | notes: must be a string"})
    void aBadFieldIsNamed(String body, String problem) {
        HttpException e = assertThrows(HttpException.class, () -> TaskRoutes.read(new JsonObject(body)));
        assertEquals(400, e.getStatusCode());
        assertTrue(e.getPayload().startsWith(problem), e.getPayload());
    }

    @Test
    void aPromiseCarriesItsAmountAndDate() {
        TaskOutcome read = TaskRoutes.read(new JsonObject().put("outcome", "promised").put("at", "2026-12-04T15:00:00Z")
                .put("amount", "500.00").put("date", "2026-12-11").put("notes", "at home"));
        assertEquals(TaskOutcome.PROMISED, read.outcome());
        assertEquals("500.00", read.amount().toPlainString());
        assertEquals("2026-12-11", read.date().toString());
        assertTrue(read.conversation());
    }

    @ParameterizedTest(name = "{0} -> outside {1}")
    @CsvSource({"2026-12-04T17:59:59Z, true", "2026-12-04T18:00:00Z, false", "2026-12-05T01:59:59Z, false",
            "2026-12-05T02:00:00Z, true"})
    void theWindowIncludesItsStartAndNotItsEnd(String at, boolean outside) {
        JsonObject task = new JsonObject().put("windowFrom", "2026-12-04T18:00:00Z")
                .put("windowUntil", "2026-12-05T02:00:00Z");
        assertEquals(outside, TaskViews.outsideWindow(task, Instant.parse(at)));
        assertEquals(false, TaskViews.outsideWindow(new JsonObject(), Instant.parse(at)), "no window, nothing to break");
    }
}
