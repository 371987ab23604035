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
 * A sequence's results, computed by the database over enrollments, attempts, compliance decisions and the case
 * timeline (no timeline is read into memory). The cohort is the sequence's enrollments created in the period; what
 * happened to them is counted whenever it happened. A case-level outcome (a reply, a promise, a payment, an opt-out, a
 * dispute) belongs to the enrollment of the case that was running when it came (from its start until the case's next
 * enrollment in the same sequence) and is credited to that enrollment's last attempt before it: its step.
 */
public final class SequenceAnalytics {
    /** Attempt outcomes that reached the debtor in person (a call answered by them, a reply to the message). */
    public static final List<String> RIGHT_PARTY = List.of("reached", "promised", "transferred", "replied");
    /** Attempt outcomes that are no delivery. */
    static final List<String> UNDELIVERED = List.of("failed", "no_answer", "not_reached", "suppressed", "unknown");

    private static final String COHORT = """
            WITH ranked AS (
              SELECT id, case_id, sequence_version AS version, COALESCE(variant, '') AS variant, started_at, created_at,
                     lead(started_at) OVER (PARTITION BY case_id ORDER BY started_at, id) AS next_start
              FROM enrollment WHERE sequence_name = $1),
            e AS (SELECT * FROM ranked WHERE created_at >= $3 AND created_at < $4
                  AND ($2::int IS NULL OR version = $2))
            """;
    private static final String DELIVERED = "(a.status = 'delivered' OR (a.outcome IS NOT NULL AND a.outcome <> ALL($6)))";
    private static final String FACTS_OF_E = """
            t.case_id = e.case_id AND t.kind IN ('reply.received', 'promise.recorded', 'promise.kept',
              'promise.broken', 'case.event', 'contact.opted_out')
              AND t.at >= e.started_at AND (e.next_start IS NULL OR t.at < e.next_start)""";

    private static final String STEPS = COHORT + """
            SELECT e.version, e.variant, a.step_id, count(*) AS attempts,
                   count(*) FILTER (WHERE %s) AS delivered,
                   count(*) FILTER (WHERE a.outcome = ANY($5)) AS right_party
            FROM e JOIN attempt a ON a.enrollment_id = e.id GROUP BY 1, 2, 3""".formatted(DELIVERED);
    private static final String DECISIONS = COHORT + """
            SELECT e.version, e.variant, d.step_id, d.outcome, d.rule, count(*) AS n
            FROM e JOIN decision d ON d.enrollment_id = e.id WHERE d.outcome IN ('defer', 'suppress')
            GROUP BY 1, 2, 3, 4, 5""";
    private static final String OUTCOMES = COHORT + """
            , f0 AS (
              SELECT e.id AS enrollment_id, e.version, e.variant, t.id AS fact, t.at, t.kind, t.data->>'type' AS type,
                     CASE WHEN t.kind = 'promise.recorded' THEN t.data->>'amount'
                          ELSE t.data->'details'->>'amount' END AS amount
              FROM e JOIN timeline t ON %s),
            iv AS (
              SELECT a.enrollment_id, a.step_id, a.created_at AS since,
                     lead(a.created_at) OVER (PARTITION BY a.enrollment_id ORDER BY a.created_at, a.run_no) AS until
              FROM e JOIN attempt a ON a.enrollment_id = e.id),
            f AS (
              SELECT f0.*, iv.step_id FROM f0
              LEFT JOIN iv ON iv.enrollment_id = f0.enrollment_id AND f0.at >= iv.since
                          AND (iv.until IS NULL OR f0.at < iv.until))
            SELECT version, variant, step_id,
                   count(*) FILTER (WHERE kind = 'reply.received') AS replies,
                   count(*) FILTER (WHERE kind = 'promise.recorded') AS promises,
                   count(*) FILTER (WHERE kind = 'promise.kept') AS kept,
                   count(*) FILTER (WHERE kind = 'promise.broken') AS broken,
                   sum(CASE WHEN amount ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN amount::numeric END)
                       FILTER (WHERE kind = 'promise.recorded') AS promised_amount,
                   sum(CASE WHEN amount ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN amount::numeric END)
                       FILTER (WHERE kind = 'case.event' AND type = 'payment_received') AS paid_amount,
                   count(*) FILTER (WHERE kind = 'contact.opted_out') AS opt_outs,
                   count(*) FILTER (WHERE kind = 'case.event' AND type = 'dispute') AS disputes
            FROM f GROUP BY 1, 2, 3""".formatted(FACTS_OF_E);
    private static final String FUNNEL = COHORT + """
            , s AS (SELECT a.enrollment_id, count(*) AS attempts, count(*) FILTER (WHERE %s) AS delivered,
                           count(*) FILTER (WHERE a.outcome = ANY($5)) AS right_party,
                           min(a.created_at) FILTER (WHERE %s) AS first_delivered
                    FROM e JOIN attempt a ON a.enrollment_id = e.id GROUP BY 1),
            o AS (SELECT e.id AS enrollment_id, count(*) FILTER (WHERE t.kind = 'reply.received') AS replies,
                         count(*) FILTER (WHERE t.kind = 'promise.recorded') AS promises,
                         count(*) FILTER (WHERE t.kind = 'promise.kept') AS kept
                  FROM e JOIN timeline t ON %s GROUP BY 1)
            SELECT e.version, e.variant, count(*) AS enrollments,
                   count(*) FILTER (WHERE s.attempts > 0) AS attempted,
                   count(*) FILTER (WHERE s.delivered > 0) AS delivered,
                   count(*) FILTER (WHERE s.right_party > 0) AS right_party,
                   count(*) FILTER (WHERE o.replies > 0) AS replied,
                   count(*) FILTER (WHERE o.promises > 0) AS promised,
                   count(*) FILTER (WHERE o.promises > 0 AND o.kept > 0) AS kept,
                   count(s.first_delivered) AS contacted,
                   avg(extract(epoch FROM s.first_delivered - e.started_at)) AS ttfc_mean,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.first_delivered - e.started_at))
                       AS ttfc_median
            FROM e LEFT JOIN s ON s.enrollment_id = e.id LEFT JOIN o ON o.enrollment_id = e.id
            GROUP BY 1, 2""".formatted(DELIVERED, DELIVERED, FACTS_OF_E);
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
        Tuple args = Tuple.of(name, version, Rows.ts(from), Rows.ts(to), RIGHT_PARTY.toArray(String[]::new),
                UNDELIVERED.toArray(String[]::new));
        Tuple period = Tuple.of(name, version, Rows.ts(from), Rows.ts(to));
        Map<Arm, Funnel> funnels = new TreeMap<>();
        Map<Arm, Map<String, StepBuilder>> steps = new TreeMap<>();
        // four queries at once, on connections of their own when sql is a pool
        var funnel = sql.preparedQuery(FUNNEL).execute(args);
        var attempts = sql.preparedQuery(STEPS).execute(args);
        var outcomes = sql.preparedQuery(OUTCOMES).execute(period);
        var decided = sql.preparedQuery(DECISIONS).execute(period);
        return Future.all(funnel, attempts, outcomes, decided).map(all -> {
            funnel.result().forEach(r -> funnels.put(arm(r), new Funnel(r.getLong("enrollments"),
                    r.getLong("attempted"), r.getLong("delivered"), r.getLong("right_party"), r.getLong("replied"),
                    r.getLong("promised"), r.getLong("kept"), r.getLong("contacted"),
                    number(r, "ttfc_mean"), number(r, "ttfc_median"))));
            attempts.result().forEach(r -> {
                StepBuilder s = step(steps, r);
                s.attempts = r.getLong("attempts");
                s.delivered = r.getLong("delivered");
                s.rightParty = r.getLong("right_party");
            });
            outcomes.result().forEach(r -> {
                StepBuilder s = step(steps, r);
                s.replies = r.getLong("replies");
                s.promises = r.getLong("promises");
                s.kept = r.getLong("kept");
                s.broken = r.getLong("broken");
                s.promised = amount(r, "promised_amount");
                s.paid = amount(r, "paid_amount");
                s.optOuts = r.getLong("opt_outs");
                s.disputes = r.getLong("disputes");
            });
            decided.result().forEach(r -> {
                StepBuilder s = step(steps, r);
                Map<String, Long> byRule = "defer".equals(r.getString("outcome")) ? s.deferrals : s.suppressions;
                byRule.merge(r.getString("rule"), r.getLong("n"), Long::sum);
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
