package io.parley.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Strategy analytics over a million timeline rows: 100,000 enrollments are made in the database in the shape of one
 * the API made (each with two attempts, a compliance decision and ten timeline entries, six of them outcomes the
 * analytics count), then GET /v1/analytics/sequences/{name} is timed over the whole history, over one week and as
 * the CSV export. Target: each answer in under a second.
 */
final class AnalyticsScan {
    private static final String[] KINDS = {"reply.received", "promise.recorded", "promise.kept", "promise.broken",
            "case.event", "contact.opted_out", "attempt.status", "decision", "attempt.sending", "enrollment.created"};
    private final Stack stack;
    private final Report report;
    private final int count;

    AnalyticsScan(Stack stack, Report report, double scale) {
        this.stack = stack;
        this.report = report;
        this.count = (int) Math.max(1_000, 100_000 * scale);
    }

    void run() throws Exception {
        long t0 = System.nanoTime();
        String template = stack.pg.text("parley", "SELECT id FROM enrollment WHERE case_id LIKE 's-%' LIMIT 1");
        String sequence = stack.pg.text("parley", "SELECT sequence_name FROM enrollment WHERE id = '" + template + "'");
        String series = "generate_series(1, " + count + ") g";
        stack.pg.exec("parley", "INSERT INTO enrollment (id, case_id, debtor_id, sequence_name, sequence_version, "
                + "status, started_at, time_zone, account, variables, created_at, updated_at, policy_packs, variant) "
                + "SELECT gen_random_uuid(), 'a-c' || g, debtor_id, sequence_name, sequence_version, 'completed', "
                + "now() - (g % 30) * interval '1 day', time_zone, account, variables, now() - (g % 30) * interval "
                + "'1 day', now(), policy_packs, CASE WHEN g % 2 = 0 THEN 'champion' ELSE 'challenger' END "
                + "FROM enrollment, " + series + " WHERE id = '" + template + "'");
        stack.pg.exec("parley", "INSERT INTO attempt (id, enrollment_id, run_no, case_id, debtor_id, step_id, channel, "
                + "contact_address, contact_type, template, locale, content, status, status_rank, provider, outcome, "
                + "created_at, updated_at) SELECT gen_random_uuid(), e.id, k, e.case_id, e.debtor_id, 'step-' || k, "
                + "'sms', '+13125550000', 'mobile', 't', 'en', '{}', CASE WHEN k = 1 THEN 'delivered' ELSE 'failed' "
                + "END, 0, 'bench', CASE WHEN k = 1 THEN 'replied' ELSE 'failed' END, e.started_at + k * interval "
                + "'1 hour', e.started_at + k * interval '1 hour' FROM enrollment e, generate_series(1, 2) k "
                + "WHERE e.case_id LIKE 'a-c%'");
        stack.pg.exec("parley", "INSERT INTO decision (enrollment_id, case_id, run_no, step_id, channel, outcome, "
                + "until_at, rule, reasons, decided_at) SELECT id, case_id, 2, 'step-2', 'sms', 'defer', started_at, "
                + "'quiet-hours', '[]', started_at FROM enrollment WHERE case_id LIKE 'a-c%'");
        StringBuilder kinds = new StringBuilder("(ARRAY[");
        for (int i = 0; i < KINDS.length; i++) {
            kinds.append(i == 0 ? "'" : ", '").append(KINDS[i]).append("'");
        }
        kinds.append("])[k]");
        stack.pg.exec("parley", "INSERT INTO timeline (case_id, seq, enrollment_id, at, kind, data) "
                + "SELECT e.case_id, k, NULL, e.started_at + k * interval '37 minutes', " + kinds + ", "
                + "CASE WHEN k = 2 THEN '{\"amount\": \"120.50\"}'::jsonb WHEN k = 5 THEN "
                + "'{\"type\": \"payment_received\", \"details\": {\"amount\": \"40.25\"}}'::jsonb ELSE '{}'::jsonb END "
                + "FROM enrollment e, generate_series(1, 10) k WHERE e.case_id LIKE 'a-c%'");
        stack.pg.exec("parley", "ANALYZE");
        double made = (System.nanoTime() - t0) / 1e9;
        long timelineRows = stack.pg.number("parley", "SELECT count(*) FROM timeline");
        int port = stack.startParley(Map.of());
        // the rows above were written behind the service's back, all at once: let its refresher catch up first, as it
        // keeps up with a running service's writes, and report how long the catching up took
        long c0 = System.nanoTime();
        while (stack.pg.number("parley", "SELECT (SELECT count(*) FROM analytics_pending)"
                + " + (SELECT count(*) FROM analytics_pending_case)") > 0) {
            if (System.nanoTime() - c0 > Duration.ofMinutes(15).toNanos()) {
                throw new IllegalStateException("the analytics refresher did not catch up within 15 minutes");
            }
            Thread.sleep(500);
        }
        double caughtUp = (System.nanoTime() - c0) / 1e9;
        String base = "http://127.0.0.1:" + port + "/v1/analytics/sequences/" + sequence;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String week = "?from=" + java.time.Instant.now().minus(Duration.ofDays(7)) + "&to="
                + java.time.Instant.now().plus(Duration.ofDays(1));
        JsonObject figures = new JsonObject().put("enrollments", count).put("timelineRows", timelineRows)
                .put("secondsToMakeRows", Report.r(made))
                .put("secondsForTheRefresherToCatchUp", Report.r(caughtUp));
        double worst = 0;
        for (String[] probe : new String[][]{{"all", "", "application/json"}, {"week", week, "application/json"},
                {"csv", "", "text/csv"}}) {
            List<Double> ms = new ArrayList<>();
            String body = "";
            for (int i = 0; i < 5; i++) {
                long s = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + probe[1]))
                        .header("Authorization", "Bearer " + Load.KEY).header("Accept", probe[2])
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                ms.add((System.nanoTime() - s) / 1e6);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("analytics answered " + r.statusCode() + ": " + r.body());
                }
                body = r.body();
            }
            ms.sort(Double::compare);
            worst = Math.max(worst, ms.get(ms.size() - 1));
            figures.put(probe[0] + "P50Ms", Report.r(ms.get(2))).put(probe[0] + "MaxMs", Report.r(ms.get(4)));
            if (probe[0].equals("all")) {
                JsonArray arms = new JsonObject(body).getJsonArray("arms");
                long enrolled = 0;
                for (int i = 0; i < arms.size(); i++) {
                    enrolled += arms.getJsonObject(i).getLong("enrollments");
                }
                figures.put("enrollmentsCounted", enrolled);
            }
        }
        report.write("analytics", figures, new JsonObject().put("worstToTarget1000Ms", Report.r(worst / 1000)));
    }
}
