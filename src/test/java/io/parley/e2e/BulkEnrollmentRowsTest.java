package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A batch writes each kind of row in one statement over arrays: the rows must be those single enrolments of the same
 * requests write (debtor, contact points, enrollment with its rule packs, experiment and arm, first due step), stated
 * preferences replace a stored debtor's and unstated ones keep them, and a debtor with two cases in one batch (rows
 * that one statement could not change twice) is written too.
 */
class BulkEnrollmentRowsTest {
    private static final String SEQUENCE = """
            name: m1-experiment
            version: 1
            stopOn: [payment_received]
            experiment:
              name: m1-2026
              variants:
                - {name: champion, weight: 1}
                - name: challenger
                  weight: 1
                  steps:
                    - id: nudge
                      channel: sms
                      template: demo-sms-2
                      at: { anchor: enrollment, after: PT0S }
            steps:
              - id: text
                channel: sms
                template: demo-sms-1
                at: { anchor: enrollment, after: PT0S }
            """;
    private static final String START = Instant.now().plusSeconds(86_400).toString();

    private static JsonObject item(String caseId, int n) {
        JsonObject body = EnrollmentBodies.request(caseId, "m1-experiment", "+1646555" + String.format("%04d", n),
                n % 2 == 0 ? "debtor" + n + "@example.com" : null, TestZones.afternoon()).put("startAt", START)
                .put("variables", new JsonObject().put("n", String.valueOf(n)).put("note", "item " + n));
        if (n % 3 == 0) {
            body.put("policyPacks", new JsonArray().add("any-time"));
        }
        if (n % 4 == 1) {
            body.getJsonObject("debtor").put("preferences", new JsonObject()
                    .put("refusedChannels", new JsonArray().add("voice")));
        }
        return body;
    }

    private static JsonObject batch(ServiceHarness harness, Parley parley, List<JsonObject> items) {
        var response = harness.call(parley, HttpMethod.POST, "/v1/enrollments/batch", ServiceHarness.ADMIN_KEY,
                new JsonArray(new ArrayList<>(items)).toBuffer());
        assertEquals(200, response.statusCode(), response.bodyAsString());
        return response.bodyAsJsonObject();
    }

    private static long count(ServiceHarness harness, String sql) {
        return TestPostgres.number(harness.database, sql);
    }

    @Test
    void aBatchWritesTheRowsSingleEnrolmentsWrite() {
        try (ServiceHarness harness = new ServiceHarness()) {
            Parley parley = harness.start(Map.of("paths.sequences", TestSequences.directory(SEQUENCE).toString(),
                    "dispatch.enabled", "false"));
            int n = 8;
            List<JsonObject> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                var single = harness.post(parley, "/v1/enrollments", item("s-" + i, i));
                assertEquals(201, single.statusCode(), single.bodyAsString());
                items.add(item("b-" + i, i).put("idempotencyKey", "bk-" + i));
            }
            assertEquals(n, batch(harness, parley, items).getInteger("created"));

            String pair = " FROM enrollment s JOIN enrollment b ON b.case_id = 'b' || substr(s.case_id, 2) "
                    + "WHERE s.case_id LIKE 's-%'";
            assertEquals(n, count(harness, "SELECT count(*)" + pair + " AND (s.sequence_name, s.sequence_version, "
                    + "s.status, s.started_at, s.time_zone, s.account - 'contractNo', s.variables, s.policy_packs, "
                    + "s.experiment, s.replied, s.promised) IS NOT DISTINCT FROM (b.sequence_name, b.sequence_version, "
                    + "b.status, b.started_at, b.time_zone, b.account - 'contractNo', b.variables, b.policy_packs, "
                    + "b.experiment, b.replied, b.promised) AND b.created_at = b.updated_at "
                    + "AND b.debtor_id = 'debtor-' || b.case_id"));
            assertEquals(n / 3 + 1, count(harness, "SELECT count(*) FROM enrollment WHERE case_id LIKE 'b-%' "
                    + "AND policy_packs = '{any-time}'"));
            // the arm the case drew, and its first step due at the start
            assertEquals(n, count(harness, "SELECT count(*) FROM enrollment e JOIN due_step d ON d.enrollment_id = e.id "
                    + "WHERE e.case_id LIKE 'b-%' AND e.experiment = 'm1-2026' AND d.step_id = CASE e.variant "
                    + "WHEN 'champion' THEN 'text' WHEN 'challenger' THEN 'nudge' END AND d.run_no = 1 "
                    + "AND d.retry = 0 AND d.phase = 'run' AND d.runnable AND d.due_at = e.started_at"));
            assertEquals(n, count(harness, "SELECT count(*) FROM debtor s JOIN debtor b ON b.id = 'debtor-b' || "
                    + "substr(s.id, 9) WHERE s.id LIKE 'debtor-s-%' AND (s.name, s.locale, s.time_zone, s.address, "
                    + "s.preferences) IS NOT DISTINCT FROM (b.name, b.locale, b.time_zone, b.address, b.preferences)"));
            assertEquals(count(harness, "SELECT count(*) FROM contact_point WHERE debtor_id LIKE 'debtor-s-%'"),
                    count(harness, "SELECT count(*) FROM contact_point s JOIN contact_point b ON b.debtor_id = "
                            + "'debtor-b' || substr(s.debtor_id, 9) AND (b.channel, b.address, b.type, b.consent, "
                            + "b.status) = (s.channel, s.address, s.type, s.consent, s.status) "
                            + "WHERE s.debtor_id LIKE 'debtor-s-%'"));
            assertEquals(n, count(harness, "SELECT count(*) FROM idempotency_key k JOIN enrollment e "
                    + "ON e.id = (k.response->>'id')::uuid AND e.case_id = 'b-' || substr(k.key, 4) "
                    + "WHERE k.key LIKE 'bk-%' AND k.status = 201"));

            // known debtors: stated preferences replace the stored ones, unstated ones keep them; and one debtor
            // with two cases in the batch
            JsonObject stating = item("c-1", 2).put("debtor", item("c-1", 2).getJsonObject("debtor")
                    .put("id", "debtor-b-1").put("preferences", new JsonObject()
                            .put("refusedChannels", new JsonArray().add("email"))));
            JsonObject keeping = item("c-5", 4).put("debtor", item("c-5", 4).getJsonObject("debtor")
                    .put("id", "debtor-b-5"));
            JsonObject twice = item("c-6", 6).put("debtor", item("c-6", 6).getJsonObject("debtor")
                    .put("id", "debtor-twice"));
            JsonObject twiceAgain = item("c-7", 6).put("debtor", item("c-7", 6).getJsonObject("debtor")
                    .put("id", "debtor-twice"));
            assertEquals(2, batch(harness, parley, List.of(stating, keeping)).getInteger("created"));
            assertEquals(1, count(harness, "SELECT count(*) FROM debtor WHERE id = 'debtor-b-1' "
                    + "AND preferences->'refusedChannels' = '[\"email\"]' AND preferences->'ceaseAll' = 'false'"));
            assertEquals(1, count(harness, "SELECT count(*) FROM debtor WHERE id = 'debtor-b-5' "
                    + "AND preferences->'refusedChannels' = '[\"voice\"]'"));
            assertEquals(2, batch(harness, parley, List.of(twice, twiceAgain)).getInteger("created"));
            assertEquals(2, count(harness, "SELECT count(*) FROM enrollment WHERE debtor_id = 'debtor-twice'"));
            assertEquals(2, count(harness, "SELECT count(*) FROM contact_point WHERE debtor_id = 'debtor-twice'"));
        }
    }
}
