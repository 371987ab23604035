package io.parley.bench;

/** What a scenario's work cost: CPU per item, and the analytics refresher's work it left behind. */
final class Costs {
    private Costs() {
    }

    /** CPU milliseconds per item of one process (0 Parley, 1 PostgreSQL) between two readings of Stack.cpu. */
    static double perItem(double[] from, double[] to, int process, long items) {
        return Report.r((to[process] - from[process]) * 1000 / Math.max(1, items));
    }

    /**
     * Waits (at most two minutes) until the analytics refresher has taken every mark the enrolments left; answers
     * how many seconds that took, so the work enrolment leaves behind is counted with it.
     */
    static double analyticsCatchUp(Stack stack) {
        long t = System.nanoTime();
        long deadline = t + 120L * 1_000_000_000;
        while (System.nanoTime() < deadline && stack.pg.number("parley", "SELECT (SELECT count(*) FROM analytics_pending)"
                + " + (SELECT count(*) FROM analytics_pending_case)") > 0) {
            Launched.sleep(100);
        }
        return (System.nanoTime() - t) / 1e9;
    }
}
