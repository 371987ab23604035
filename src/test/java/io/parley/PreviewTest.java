package io.parley;

import io.parley.config.ConfigLoader;
import io.parley.testing.EnrollmentBodies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line preview: a request file in, the contact calendar out, with the shipped packs and no database. */
class PreviewTest {

    @Test
    void printsTheCalendarWithEveryDecision() throws Exception {
        JsonObject body = EnrollmentBodies.request("ignored", "pre-due-reminder", "+16465550401", "cli@example.com",
                ZoneId.of("America/New_York")).put("startAt", "2026-11-10T12:00:00Z");
        body.getJsonObject("account").put("dueDate", "2026-11-18");
        Path file = Files.createTempFile("preview", ".json");
        Files.writeString(file, body.encode());

        JsonObject out = new JsonObject(Preview.run(ConfigLoader.fromMap(Map.of()), "pre-due-reminder", file,
                Instant.parse("2026-11-10T12:00:00Z")));

        JsonArray calendar = out.getJsonArray("calendar");
        assertEquals(3, calendar.size(), out.encodePrettily());
        JsonObject d3 = calendar.getJsonObject(0);
        assertEquals("sms", d3.getString("channel"));
        // D-3 at 10:00 New York: inside US hours, so it goes when due
        assertEquals("2026-11-15T15:00:00Z", d3.getString("dueAt"));
        assertEquals(d3.getString("dueAt"), d3.getString("sendAt"));
        JsonObject decision = d3.getJsonArray("decisions").getJsonObject(0);
        assertEquals("allow", decision.getString("outcome"));
        assertTrue(decision.getJsonObject("facts").getJsonArray("packs").contains("us-regf"), decision.encode());
    }

    @Test
    void plansTheHandOffStepsOfTheMidStageWithTheVisitsLawfulWindow() throws Exception {
        JsonObject body = EnrollmentBodies.request("ignored", "m2-mid", "+16465550401", "cli@example.com",
                ZoneId.of("America/New_York")).put("startAt", "2026-11-02T14:00:00Z");
        body.getJsonObject("debtor").getJsonArray("contactPoints").add(new JsonObject().put("channel", "voice")
                .put("address", "+16465550401").put("type", "mobile").put("consent", true));
        Path file = Files.createTempFile("preview", ".json");
        Files.writeString(file, body.encode());

        JsonArray calendar = new JsonObject(Preview.run(ConfigLoader.fromMap(Map.of()), "m2-mid", file,
                Instant.parse("2026-11-02T14:00:00Z"))).getJsonArray("calendar");

        JsonObject visit = calendar.stream().map(JsonObject.class::cast)
                .filter(e -> "field-visit".equals(e.getString("stepId"))).findFirst().orElseThrow();
        assertEquals("visit", visit.getString("channel"), calendar.encodePrettily());
        // day 21 at 10:00 New York; us-regf visits until 21:00 there
        assertEquals("2026-11-23T15:00:00Z", visit.getString("sendAt"), visit.encodePrettily());
        assertEquals("2026-11-23T15:00:00Z", visit.getJsonObject("window").getString("from"));
        assertEquals("2026-11-24T02:00:00Z", visit.getJsonObject("window").getString("until"));
        JsonObject agency = calendar.getJsonObject(calendar.size() - 1);
        assertEquals("agency", agency.getString("channel"), calendar.encodePrettily());
    }

    @Test
    void aBadRequestFileNamesTheField() throws Exception {
        Path file = Files.createTempFile("preview", ".json");
        Files.writeString(file, "{\"debtor\": {}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preview.run(ConfigLoader.fromMap(Map.of()), "demo", file, Instant.now()));
        assertTrue(e.getMessage().contains("debtor.id"), e.getMessage());
    }
}
