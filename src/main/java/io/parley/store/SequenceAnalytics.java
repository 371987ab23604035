package io.parley.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sequence's results, read from the analytics rows the database keeps per enrollment (V15__analytics_rollup.sql:
 * each attempt, decision, timeline outcome or enrollment written marks what it touched, and {@link AnalyticsPending}
 * recomputes the marked enrollments' rows in the background and before a report). The cohort is the sequence's
 * enrollments created in the period; what happened to them is counted whenever it happened. A case-level outcome (a reply, a promise, a payment, an opt-out, a dispute) belongs to
 * the enrollment of the case that was running when it came (from its start until the case's next enrollment in the
 * same sequence) and is credited to that enrollment's last attempt before it: its step. A report sums one row per
 * enrollment (and per enrollment and step): its cost grows with the period's enrollments, not with the timeline.
 */
public final class SequenceAnalytics {
    private static final String COHORT = """
            FROM %s WHERE sequence_name = $1 AND created_at >= $3 AND created_at < $4
              AND ($2::int IS NULL OR version = $2)""";
    private static final String STEPS = """
            SELECT version, variant, step_id, sum(attempts) AS attempts, sum(delivered) AS delivered,
                   sum(right_party) AS right_party, sum(replies) AS replies, sum(promises) AS promises,
                   sum(kept) AS kept, sum(broken) AS broken, sum(promised_amount) AS promised_amount,
                   sum(paid_amount) AS paid_amount, sum(opt_outs) AS opt_outs, sum(disputes) AS disputes
            """ + COHORT.formatted("analytics_step") + " GROUP BY 1, 2, 3";
    private static final String DECISIONS = "SELECT version, variant, step_id, outcome, rule, sum(n) AS n "
            + COHORT.formatted("analytics_rule") + " GROUP BY 1, 2, 3, 4, 5";
    private static final String FUNNEL = """
            SELECT version, variant, count(*) AS enrollments,
                   count(*) FILTER (WHERE attempts > 0) AS attempted,
                   count(*) FILTER (WHERE delivered > 0) AS delivered,
                   count(*) FILTER (WHERE right_party > 0) AS right_party,
                   count(*) FILTER (WHERE replies > 0) AS replied,
                   count(*) FILTER (WHERE promises > 0) AS promised,
                   count(*) FILTER (WHERE promises > 0 AND kept > 0) AS kept,
                   count(first_contact_seconds) AS contacted,
                   avg(first_contact_seconds) AS ttfc_mean,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY first_contact_seconds) AS ttfc_median
            """ + COHORT.formatted("analytics_enrollment") + " GROUP BY 1, 2";
    private static final String KNOWN = "SELECT version FROM sequence_version WHERE name = $1 ORDER BY version";

    private SequenceAnalytics() {
    }

    /** An arm of the results: a sequence version and an experiment variant ("" when the enrollment had none). */
    public record Arm(int version, String variant) implements Comparable<Arm> {
        @Override
        public int compareTo(Arm o) {
            return version != o.version ? Integer.compare(version, o.version) : variant.compareTo(o.variant);
        }
    }

    /** One step's numbers in an arm; stepId null: outcomes that came before the enrollment's first attempt. */
    public record StepNumbers(String stepId, long attempts, long delivered, long rightParty, long replies,
                              long promises, long kept, long broken, BigDecimal promisedAmount, BigDecimal paidAmount,
                              long optOuts, long disputes, Map<String, Long> deferrals, Map<String, Long> suppressions) {
    }

    /**
     * How many enrollments of an arm got how far (kept: promised and kept a promise), and how long the first delivered
     * contact took (seconds).
     */
    public record Funnel(long enrollments, long attempted, long delivered, long rightParty, long replied,
                         long promised, long kept, long contacted, Double firstContactMeanSeconds,
                         Double firstContactMedianSeconds) {
    }

    public record ArmNumbers(Arm arm, Funnel funnel, List<StepNumbers> steps) {
    }

    /** The versions stored for a sequence (empty: no such sequence). */
    public static Future<List<Integer>> versions(SqlClient sql, String name) {
        return sql.preparedQuery(KNOWN).execute(Tuple.of(name)).map(rows -> {
            List<Integer> out = new ArrayList<>();
            rows.forEach(r -> out.add(r.getInteger(0)));
            return out;
        });
    }

    /** The numbers of each arm with enrollments in [from, to), arms in order of version then variant. */
    public static Future<List<ArmNumbers>> compute(SqlClient sql, String name, Integer version, Instant from,
                                                   Instant to) {
        Tuple period = Tuple.of(name, version, Rows.ts(from), Rows.ts(to));
        Map<Arm, Funnel> funnels = new TreeMap<>();
        Map<Arm, Map<String, StepBuilder>> steps = new TreeMap<>();
        // three queries at once, on connections of their own when sql is a pool
        var funnel = sql.preparedQuery(FUNNEL).execute(period);
        var stepRows = sql.preparedQuery(STEPS).execute(period);
        var decided = sql.preparedQuery(DECISIONS).execute(period);
        return Future.all(funnel, stepRows, decided).map(all -> {
            funnel.result().forEach(r -> funnels.put(arm(r), new Funnel(r.getLong("enrollments"),
                    r.getLong("attempted"), r.getLong("delivered"), r.getLong("right_party"), r.getLong("replied"),
                    r.getLong("promised"), r.getLong("kept"), r.getLong("contacted"),
                    number(r, "ttfc_mean"), number(r, "ttfc_median"))));
            stepRows.result().forEach(r -> {
                StepBuilder s = step(steps, r);
                s.attempts = count(r, "attempts");
                s.delivered = count(r, "delivered");
                s.rightParty = count(r, "right_party");
                s.replies = count(r, "replies");
                s.promises = count(r, "promises");
                s.kept = count(r, "kept");
                s.broken = count(r, "broken");
                s.promised = amount(r, "promised_amount");
                s.paid = amount(r, "paid_amount");
                s.optOuts = count(r, "opt_outs");
                s.disputes = count(r, "disputes");
            });
            decided.result().forEach(r -> {
                StepBuilder s = step(steps, r);
                Map<String, Long> byRule = "defer".equals(r.getString("outcome")) ? s.deferrals : s.suppressions;
                byRule.merge(r.getString("rule"), count(r, "n"), Long::sum);
            });
            List<ArmNumbers> out = new ArrayList<>();
            funnels.forEach((arm, f) -> out.add(new ArmNumbers(arm, f, steps.getOrDefault(arm, Map.of())
                    .values().stream().map(StepBuilder::build).toList())));
            return out;
        });
    }

    private static Arm arm(Row r) {
        return new Arm(r.getInteger("version"), r.getString("variant"));
    }

    private static StepBuilder step(Map<Arm, Map<String, StepBuilder>> steps, Row r) {
        String id = r.getString("step_id");
        // outcomes before any attempt sort first, under a key no step id can have
        return steps.computeIfAbsent(arm(r), k -> new TreeMap<>()).computeIfAbsent(id == null ? "" : id,
                k -> new StepBuilder(id));
    }

    private static long count(Row r, String column) {
        Object v = r.getValue(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static Double number(Row r, String column) {
        Object v = r.getValue(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static BigDecimal amount(Row r, String column) {
        Object v = r.getValue(column);
        return v == null ? BigDecimal.ZERO : new BigDecimal(v.toString());
    }

    private static final class StepBuilder {
        final String id;
        long attempts, delivered, rightParty, replies, promises, kept, broken, optOuts, disputes;
        BigDecimal promised = BigDecimal.ZERO, paid = BigDecimal.ZERO;
        final Map<String, Long> deferrals = new TreeMap<>(), suppressions = new TreeMap<>();

        StepBuilder(String id) {
            this.id = id;
        }

        StepNumbers build() {
            return new StepNumbers(id, attempts, delivered, rightParty, replies, promises, kept, broken, promised,
                    paid, optOuts, disputes, Map.copyOf(deferrals), Map.copyOf(suppressions));
        }
    }
}
