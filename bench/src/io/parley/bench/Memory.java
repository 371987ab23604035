package io.parley.bench;

import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Resident memory with 1,000,000 future steps scheduled: the rows are made in the database by copying the shape of
 * an enrollment the API made (debtor, contact point, enrollment, due step thirty days on), then Parley starts on
 * them and runs its loops for a while; what it holds must not grow with the schedule.
 */
final class Memory {
    private final Stack stack;
    private final Report report;
    private final int count;

    Memory(Stack stack, Report report, double scale) {
        this.stack = stack;
        this.report = report;
        this.count = (int) Math.max(10_000, 1_000_000 * scale);
    }

    void run() {
        stack.stopParley();
        long t0 = System.nanoTime();
        String template = stack.pg.text("parley", "SELECT id FROM enrollment WHERE case_id LIKE 's-%' LIMIT 1");
        String series = "generate_series(1, " + count + ") g";
        stack.pg.exec("parley", "INSERT INTO debtor (id, name, locale, time_zone, address, preferences, updated_at) "
                + "SELECT 'm-d' || g, d.name, d.locale, d.time_zone, d.address, d.preferences, d.updated_at "
                + "FROM debtor d JOIN enrollment e ON e.debtor_id = d.id, " + series + " WHERE e.id = '" + template + "'");
        stack.pg.exec("parley", "INSERT INTO contact_point (debtor_id, channel, address, type, consent, updated_at) "
                + "SELECT 'm-d' || g, 'sms', '+1312' || (2000000 + g), c.type, c.consent, c.updated_at FROM contact_point "
                + "c JOIN enrollment e ON e.debtor_id = c.debtor_id AND c.channel = 'sms', " + series
                + " WHERE e.id = '" + template + "'");
        stack.pg.exec("parley", "INSERT INTO enrollment (id, case_id, debtor_id, sequence_name, sequence_version, "
                + "status, started_at, time_zone, account, variables, created_at, updated_at, policy_packs) "
                + "SELECT gen_random_uuid(), 'm-c' || g, 'm-d' || g, sequence_name, sequence_version, status, "
                + "now(), time_zone, account, variables, now(), now(), policy_packs FROM enrollment, " + series
                + " WHERE id = '" + template + "'");
        stack.pg.exec("parley", "INSERT INTO due_step (enrollment_id, run_no, step_id, retry, phase, due_at) "
                + "SELECT id, 1, 'sms', 0, 'run', now() + interval '30 days' FROM enrollment WHERE case_id LIKE 'm-c%'");
        stack.pg.exec("parley", "ANALYZE");
        double made = (System.nanoTime() - t0) / 1e9;
        long scheduled = stack.pg.number("parley", "SELECT count(*) FROM due_step WHERE due_at > now()");
        stack.startParley(Map.of());
        double peak = 0;
        double rss = 0;
        for (int i = 0; i < 30; i++) {
            Launched.sleep(1000);
            double[] m = Procs.rssMiB(stack.parleyPid());
            rss = m[0];
            peak = Math.max(peak, m[1]);
        }
        report.write("memory", new JsonObject().put("futureSteps", scheduled).put("secondsToMakeRows", Report.r(made))
                        .put("rssMiB", Report.r(rss)).put("peakRssMiB", Report.r(peak)).put("observedSeconds", 30),
                new JsonObject().put("rssToTarget512", Report.r(rss / 512)));
        stack.stopParley();
    }
}
