package io.parley.e2e;

import io.parley.Parley;
import io.parley.analytics.VariantAssignment;
import io.parley.testing.EnrollmentBodies;
import io.parley.testing.ServiceHarness;
import io.parley.testing.TestSequences;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A sequence running a champion/challenger experiment: each enrollment gets the arm the hash of its case id and the
 * experiment's name picks, a case enrolled again gets the same arm, and the analytics count each arm apart.
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
                - {name: challenger, weight: 2}
            steps:
              - id: text
                channel: sms
                template: demo-sms-1
                at: { anchor: enrollment, after: P30D }
            """;

    @Test
    void armsAreAssignedByCaseAndCountedApart() {
        try (ServiceHarness harness = new ServiceHarness()) {
            Parley parley = harness.start(Map.of("paths.sequences", TestSequences.directory(SEQUENCE).toString()));
            List<VariantAssignment.Weighted> weights = List.of(new VariantAssignment.Weighted("champion", 3),
                    new VariantAssignment.Weighted("challenger", 2));
            Map<String, Long> expected = new TreeMap<>();
            String firstId = null;
            for (int i = 0; i < 12; i++) {
                String caseId = "exp-case-" + i;
                var created = harness.post(parley, "/v1/enrollments", EnrollmentBodies.request(caseId,
                        "m1-experiment", "+1212555" + String.format("%04d", i), null, ZoneId.of("America/New_York")));
                assertEquals(201, created.statusCode(), created.bodyAsString());
                firstId = firstId == null ? created.bodyAsJsonObject().getString("id") : firstId;
                expected.merge(VariantAssignment.assign("m1-2026", caseId, weights), 1L, Long::sum);
            }
            // the first case, cancelled and enrolled again, lands in its arm again
            assertEquals(200, harness.post(parley, "/v1/enrollments/" + firstId + "/cancel",
                    new JsonObject().put("reason", "re-enrolled")).statusCode());
            assertEquals(201, harness.post(parley, "/v1/enrollments", EnrollmentBodies.request("exp-case-0",
                    "m1-experiment", "+12125550000", null, ZoneId.of("America/New_York"))).statusCode());
            expected.merge(VariantAssignment.assign("m1-2026", "exp-case-0", weights), 1L, Long::sum);

            JsonObject body = harness.call(parley, HttpMethod.GET, "/v1/analytics/sequences/m1-experiment",
                    ServiceHarness.READ_KEY, null).bodyAsJsonObject();
            Map<String, Long> counted = new TreeMap<>();
            JsonArray arms = body.getJsonArray("arms");
            for (int i = 0; i < arms.size(); i++) {
                counted.put(arms.getJsonObject(i).getString("variant"), arms.getJsonObject(i).getLong("enrollments"));
            }
            assertEquals(expected, counted, body.encodePrettily());
            assertEquals(2, expected.size(), "both arms drawn among these cases");
            JsonObject experiment = body.getJsonArray("experiments").getJsonObject(0);
            assertEquals("champion", experiment.getString("champion"));
            assertEquals("not yet significant: too few cases", experiment.getJsonArray("comparisons")
                    .getJsonObject(0).getString("verdict").substring(0, 34));
        }
    }
}
