package io.parley.e2e;

import io.parley.Parley;
import io.parley.analytics.VariantAssignment;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestPostgres;
import io.parley.testing.TestSequences;
import io.parley.testing.TestZones;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.parley.testing.ServiceHarness.has;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A sequence running a champion/challenger experiment whose challenger has steps of its own: each enrollment gets the
 * arm the hash of its case id and the experiment's name picks, runs that arm's steps end to end under the same
 * compliance policy, shows its experiment and arm when read, a case enrolled again gets the same arm, and the
 * analytics count each arm (and its steps) apart.
 */
class ExperimentEnrollmentTest {
    private static final String SEQUENCE = """
            name: m1-experiment
            version: 1
            stopOn: [payment_received]
            experiment:
              name: m1-2026
              variants:
                - {name: champion, weight: 3}
                - name: challenger
                  weight: 2
                  steps:
                    - id: nudge
                      channel: sms
                      template: demo-sms-2
                      at: { anchor: enrollment, after: PT0S }
                    - id: nudge-again
                      channel: sms
                      template: demo-sms-1
                      at: { anchor: previous, after: PT1S }
            steps:
              - id: text
                channel: sms
                template: demo-sms-1
                at: { anchor: enrollment, after: PT0S }
            """;
    private static final Map<String, List<String>> STEPS = Map.of("champion", List.of("text"),
            "challenger", List.of("nudge", "nudge-again"));

    @Test
    void eachArmRunsItsOwnStepsAndIsCountedApart() {
        try (ServiceHarness harness = new ServiceHarness()) {
            Parley parley = harness.start(Map.of("paths.sequences", TestSequences.directory(SEQUENCE).toString()));
            List<VariantAssignment.Weighted> weights = List.of(new VariantAssignment.Weighted("champion", 3),
                    new VariantAssignment.Weighted("challenger", 2));
            Map<String, Long> expected = new TreeMap<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String caseId = "exp-case-" + i;
                var created = harness.post(parley, "/v1/enrollments", EnrollmentBodies.request(caseId,
                        "m1-experiment", "+1212555" + String.format("%04d", i), null, TestZones.afternoon()));
                assertEquals(201, created.statusCode(), created.bodyAsString());
                ids.add(created.bodyAsJsonObject().getString("id"));
                expected.merge(VariantAssignment.assign("m1-2026", caseId, weights), 1L, Long::sum);
            }
            assertEquals(2, expected.size(), "both arms drawn among these cases");
            for (int i = 0; i < ids.size(); i++) {
                String caseId = "exp-case-" + i;
                String variant = VariantAssignment.assign("m1-2026", caseId, weights);
                harness.awaitTimeline(parley, caseId, t -> has(t, "enrollment.completed", d -> true),
                        Duration.ofSeconds(30));
                JsonObject read = harness.call(parley, HttpMethod.GET, "/v1/enrollments/" + ids.get(i),
                        ServiceHarness.READ_KEY, null).bodyAsJsonObject();
                assertEquals("m1-2026", read.getString("experiment"), read.encode());
                assertEquals(variant, read.getString("variant"), read.encode());
                // the arm's steps, each once, in its order; none of the other arm's
                List<String> ran = new ArrayList<>();
                for (String step : List.of("text", "nudge", "nudge-again")) {
                    long sent = TestPostgres.number(harness.database, "SELECT count(*) FROM attempt WHERE case_id = '"
                            + caseId + "' AND step_id = '" + step + "' AND status = 'delivered'");
                    for (long n = 0; n < sent; n++) {
                        ran.add(step);
                    }
                }
                assertEquals(STEPS.get(variant), ran, caseId + " in " + variant);
                // each step of either arm went through the compliance policy before it was sent
                assertEquals(ran.size(), TestPostgres.number(harness.database, "SELECT count(*) FROM decision WHERE "
                        + "case_id = '" + caseId + "' AND outcome = 'allow'"), caseId + " decisions");
            }

            // the first case, enrolled again, lands in its arm again
            String again = VariantAssignment.assign("m1-2026", "exp-case-0", weights);
            var second = harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("exp-case-0",
                    "m1-experiment", "+12125550000", null, TestZones.afternoon()));
            assertEquals(201, second.statusCode(), second.bodyAsString());
            assertEquals(again, harness.call(parley, HttpMethod.GET, "/v1/enrollments/"
                            + second.bodyAsJsonObject().getString("id"), ServiceHarness.READ_KEY, null)
                    .bodyAsJsonObject().getString("variant"));
            expected.merge(again, 1L, Long::sum);
            harness.awaitTimeline(parley, "exp-case-0", t -> ServiceHarness.count(t, "enrollment.completed",
                    d -> true) == 2, Duration.ofSeconds(30));

            JsonObject body = harness.call(parley, HttpMethod.GET, "/v1/analytics/sequences/m1-experiment",
                    ServiceHarness.READ_KEY, null).bodyAsJsonObject();
            Map<String, Long> counted = new TreeMap<>();
            JsonArray arms = body.getJsonArray("arms");
            for (int i = 0; i < arms.size(); i++) {
                JsonObject arm = arms.getJsonObject(i);
                String variant = arm.getString("variant");
                counted.put(variant, arm.getLong("enrollments"));
                List<String> steps = new ArrayList<>();
                arm.getJsonArray("steps").forEach(s -> steps.add(((JsonObject) s).getString("stepId")));
                assertEquals(STEPS.get(variant).stream().sorted().toList(), steps, variant + " steps");
                for (Object s : arm.getJsonArray("steps")) {
                    assertEquals(arm.getLong("enrollments"), ((JsonObject) s).getLong("attempts"),
                            variant + " one attempt per enrollment and step: " + s);
                }
            }
            assertEquals(expected, counted, body.encodePrettily());
            JsonObject experiment = body.getJsonArray("experiments").getJsonObject(0);
            assertEquals("champion", experiment.getString("champion"));
            assertEquals("not yet significant: too few cases", experiment.getJsonArray("comparisons")
                    .getJsonObject(0).getString("verdict").substring(0, 34));

            // the preview shows one arm's steps and names it: the case's arm, the one asked for, else the first
            for (int i = 0; i < 10; i++) {
                String caseId = "exp-case-" + i;
                assertPreview(harness, parley, "", EnrollmentBodies.request(caseId, "m1-experiment", "+12125550000",
                        null, TestZones.afternoon()), VariantAssignment.assign("m1-2026", caseId, weights));
            }
            JsonObject anonymous = EnrollmentBodies.request("exp-case-0", "m1-experiment", "+12125550000", null,
                    TestZones.afternoon());
            anonymous.remove("caseId");
            assertPreview(harness, parley, "", anonymous, "champion");
            assertPreview(harness, parley, "?variant=challenger", anonymous, "challenger");
            var unknown = harness.post(parley, "/v1/sequences/m1-experiment/preview?variant=underdog", anonymous);
            assertEquals(422, unknown.statusCode(), unknown.bodyAsString());
            JsonObject error = unknown.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
            assertEquals("variant", error.getString("field"), unknown.bodyAsString());
            assertEquals("'underdog' is not one of the variants of experiment m1-2026 (champion, challenger)",
                    error.getString("message"));
        }
    }

    private static void assertPreview(ServiceHarness harness, Parley parley, String query, JsonObject body,
                                      String variant) {
        var preview = harness.post(parley, "/v1/sequences/m1-experiment/preview" + query, body);
        assertEquals(200, preview.statusCode(), preview.bodyAsString());
        JsonObject calendar = preview.bodyAsJsonObject();
        assertEquals(variant, calendar.getString("variant"), calendar.encode());
        List<String> steps = new ArrayList<>();
        calendar.getJsonArray("calendar").forEach(e -> steps.add(((JsonObject) e).getString("stepId")));
        assertEquals(STEPS.get(variant), steps, calendar.encode());
    }
}
