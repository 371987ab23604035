package io.parley.e2e;

import io.parley.Parley;
import io.parley.testing.ServiceHarness;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytics of a sequence through the running service, over a seeded history (enrollments, attempts, decisions
 * and timeline entries written straight to its database) whose numbers the test works out itself: loops over the
 * seeded rows, not SQL.
 */
class SequenceAnalyticsTest {
    private static ServiceHarness harness;
    private static Parley parley;
    private static AnalyticsSeed seed;
    /** Another history of the same shape, written out of order: the kept numbers must not depend on the order. */
    private static AnalyticsSeed scrambled;

    @BeforeAll
    static void seed() {
        harness = new ServiceHarness();
        parley = harness.start(Map.of());
        Pool pool = PgBuilder.pool().connectingTo(harness.database.connectOptions()).using(harness.vertx).build();
        try {
            seed = AnalyticsSeed.random(20261204L, 140, "analytics-seeded");
            get(seed.write(pool));
            scrambled = AnalyticsSeed.random(20261205L, 120, "analytics-scrambled");
            get(scrambled.writeOutOfOrder(pool));
        } finally {
            pool.close();
        }
    }

    @AfterAll
    static void close() {
        harness.close();
    }

    private JsonObject analytics(String query) {
        return analytics(seed, query);
    }

    private JsonObject analytics(AnalyticsSeed of, String query) {
        var response = harness.call(parley, HttpMethod.GET, "/v1/analytics/sequences/" + of.sequence + query,
                ServiceHarness.READ_KEY, null);
        assertEquals(200, response.statusCode(), response.bodyAsString());
        return response.bodyAsJsonObject();
    }

    @Test
    void everyArmAndStepMatchesTheSeededHistory() {
        check(seed, analytics(""), AnalyticsSeed.BEGINNING, AnalyticsSeed.END, null);
    }

    @Test
    void theNumbersDoNotDependOnTheOrderTheHistoryWasWritten() {
        check(scrambled, analytics(scrambled, ""), AnalyticsSeed.BEGINNING, AnalyticsSeed.END, null);
        Instant from = AnalyticsSeed.T0.plusSeconds(2 * 86400);
        Instant to = AnalyticsSeed.T0.plusSeconds(8 * 86400);
        check(scrambled, analytics(scrambled, "?from=" + from + "&to=" + to), from, to, null);
    }

    @Test
    void aPeriodAndAVersionNarrowTheCohort() {
        Instant from = AnalyticsSeed.T0.plusSeconds(3 * 86400);
        Instant to = AnalyticsSeed.T0.plusSeconds(9 * 86400);
        check(seed, analytics("?version=2&from=" + from + "&to=" + to), from, to, 2);
    }

    private static void check(AnalyticsSeed seed, JsonObject body, Instant from, Instant to, Integer version) {
        Map<AnalyticsSeed.Arm, AnalyticsSeed.Expected> expected = seed.expected(from, to, version);
        JsonArray arms = body.getJsonArray("arms");
        assertEquals(expected.size(), arms.size(), arms.encodePrettily());
        for (int i = 0; i < arms.size(); i++) {
            JsonObject arm = arms.getJsonObject(i);
            var key = new AnalyticsSeed.Arm(arm.getInteger("version"), arm.getString("variant"));
            AnalyticsSeed.Expected want = expected.get(key);
            assertTrue(want != null, "unexpected arm " + key);
            assertEquals(want.enrollments(), arm.getLong("enrollments"), key + " enrollments");
            JsonArray funnel = arm.getJsonArray("funnel");
            for (int s = 0; s < funnel.size(); s++) {
                assertEquals(want.funnel().get(s), funnel.getJsonObject(s).getLong("enrollments"),
                        key + " funnel " + funnel.getJsonObject(s).getString("stage"));
            }
            JsonObject first = arm.getJsonObject("firstContact");
            assertEquals(want.contacted(), first.getLong("contacted"), key + " contacted");
            if (want.contacted() > 0) {
                assertEquals(want.meanSeconds(), first.getDouble("meanSeconds"), 0.01, key + " mean");
                assertEquals(want.medianSeconds(), first.getDouble("medianSeconds"), 0.01, key + " median");
            }
            JsonArray steps = arm.getJsonArray("steps");
            assertEquals(want.steps().keySet().size(), steps.size(), key + " steps " + steps.encodePrettily());
            for (int s = 0; s < steps.size(); s++) {
                JsonObject step = steps.getJsonObject(s);
                String id = step.getString("stepId");
                JsonObject wantStep = want.steps().get(id == null ? "" : id);
                assertTrue(wantStep != null, key + " unexpected step " + id);
                for (String field : wantStep.fieldNames()) {
                    assertEquals(String.valueOf(wantStep.getValue(field)), String.valueOf(step.getValue(field)),
                            key + " step " + id + " " + field);
                }
            }
        }
        if (version != null) {
            assertEquals(version, body.getInteger("version"));
        }
        JsonArray experiments = body.getJsonArray("experiments");
        assertEquals(1, experiments.size(), experiments.encodePrettily());
        JsonObject experiment = experiments.getJsonObject(0);
        assertEquals("champion", experiment.getString("champion"));
        assertEquals("challenger", experiment.getString("challenger"));
        var champion = expected.get(new AnalyticsSeed.Arm(2, "champion"));
        JsonObject promiseRate = experiment.getJsonArray("comparisons").getJsonObject(0);
        assertEquals("promise rate", promiseRate.getString("rate"));
        assertEquals(champion.enrollments(), promiseRate.getLong("championSize"));
        String verdict = promiseRate.getString("verdict");
        Double low = promiseRate.getDouble("low");
        assertTrue(low == null ? verdict.startsWith("not yet significant")
                : (low > 0 || promiseRate.getDouble("high") < 0) == verdict.startsWith("significant"), verdict);
    }

    @Test
    void theExportIsTheStepsAsCsv() {
        var response = harness.call(parley, HttpMethod.GET, "/v1/analytics/sequences/" + seed.sequence
                + "/export", ServiceHarness.READ_KEY, null);
        assertEquals(200, response.statusCode(), response.bodyAsString());
        assertTrue(response.getHeader("Content-Type").startsWith("text/csv"));
        List<String> lines = List.of(response.bodyAsString().split("\r\n"));
        assertEquals("version,variant,step,attempts,delivered,rightPartyContacts,replies,promises,promisesKept,"
                + "promisesBroken,amountPromised,amountPaid,optOuts,disputes,deferrals,suppressions", lines.get(0));
        var expected = seed.expected(AnalyticsSeed.BEGINNING, AnalyticsSeed.END, null);
        long rows = expected.values().stream().mapToLong(e -> e.steps().size()).sum();
        assertEquals(rows + 1, lines.size());
        // the first arm's first step, cell by cell
        var arm = expected.keySet().iterator().next();
        JsonObject step = expected.get(arm).steps().values().iterator().next();
        String[] cells = lines.get(1).split(",", -1);
        assertEquals(String.valueOf(arm.version()), cells[0]);
        assertEquals(String.valueOf(step.getLong("attempts")), cells[3]);
        assertEquals(step.getString("amountPromised"), cells[10]);
        assertEquals(step.getString("amountPaid"), cells[11]);

        var negotiated = harness.http.get(parley.port(), "127.0.0.1", "/v1/analytics/sequences/"
                        + seed.sequence).putHeader("Authorization", "Bearer " + ServiceHarness.READ_KEY)
                .putHeader("Accept", "text/csv").send();
        assertEquals(response.bodyAsString(), get(negotiated).bodyAsString());
    }

    @Test
    void unknownSequencesAndBadPeriodsAreRefused() {
        var missing = harness.call(parley, HttpMethod.GET, "/v1/analytics/sequences/no-such-sequence",
                ServiceHarness.READ_KEY, null);
        assertEquals(404, missing.statusCode());
        var noVersion = harness.call(parley, HttpMethod.GET, "/v1/analytics/sequences/" + seed.sequence
                + "?version=9", ServiceHarness.READ_KEY, null);
        assertEquals(404, noVersion.statusCode());
        var backwards = harness.call(parley, HttpMethod.GET, "/v1/analytics/sequences/" + seed.sequence
                + "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", ServiceHarness.READ_KEY, null);
        assertEquals(422, backwards.statusCode(), backwards.bodyAsString());
        assertTrue(backwards.bodyAsString().contains("\"to\""), backwards.bodyAsString());
        var notADate = harness.call(parley, HttpMethod.GET, "/v1/analytics/sequences/" + seed.sequence
                + "?from=yesterday", ServiceHarness.READ_KEY, null);
        assertTrue(notADate.statusCode() == 400 || notADate.statusCode() == 422, notADate.bodyAsString());
        assertTrue(notADate.bodyAsString().contains("from"), notADate.bodyAsString());
        var anonymous = harness.call(parley, HttpMethod.GET, "/v1/analytics/sequences/" + seed.sequence,
                null, null);
        assertEquals(401, anonymous.statusCode());
    }
}
