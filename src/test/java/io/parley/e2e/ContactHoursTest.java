package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestZones;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contact hours in the running service, with the shipped rule packs. */
class ContactHoursTest {
    private static ServiceHarness harness;
    private static Parley night;

    @BeforeAll
    static void start() {
        harness = new ServiceHarness();
        night = harness.start(Map.of("paths.policies", "conf/policies"));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aDebtorAtNightIsDeferredToTheirMorningNeverDropped() {
        java.time.ZoneId zone = TestZones.night();
        String phone = "+16465550103";
        var created = harness.post(night, "/v1/enrollments",
                EnrollmentBodies.request("case-night", "demo", phone, null, zone));
        assertEquals(201, created.statusCode(), created.bodyAsString());
        List<JsonObject> timeline = harness.awaitTimeline(night, "case-night",
                t -> has(t, "decision", d -> "defer".equals(d.getString("outcome"))), Duration.ofSeconds(10));
        JsonObject decision = timeline.stream().filter(e -> e.getString("kind").equals("decision")).findFirst()
                .orElseThrow().getJsonObject("data");
        // allowed only when it is day in every candidate zone: the explicit one (night now) among them
        java.time.ZonedDateTime local = java.time.ZonedDateTime.now(zone);
        java.time.LocalDate day = local.getHour() < 8 ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        java.time.Instant morning = day.atTime(8, 0).atZone(zone).toInstant();
        java.time.Instant until = java.time.Instant.parse(decision.getString("until"));
        assertTrue(!until.isBefore(morning), "not before 08:00 where the debtor says they are: " + until);
        assertTrue(decision.getString("rule").endsWith("/hours"), decision.encodePrettily());
        assertTrue(decision.getJsonObject("facts").getJsonArray("zones").encode().contains(zone.getId()),
                decision.encodePrettily());
        assertEquals(0, harness.twilio.messages().stream().filter(m -> phone.equals(m.param("To"))).count());
        var read = harness.call(night, HttpMethod.GET, "/v1/enrollments/" + created.bodyAsJsonObject().getString("id"),
                ServiceHarness.READ_KEY, null).bodyAsJsonObject();
        assertEquals(until.toString(), read.getJsonObject("next").getString("dueAt"), "waits, is not dropped");
    }

}
