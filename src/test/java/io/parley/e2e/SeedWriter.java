package io.parley.e2e;

import io.parley.e2e.AnalyticsSeed.Attempt;
import io.parley.e2e.AnalyticsSeed.Decision;
import io.parley.e2e.AnalyticsSeed.Enrollment;
import io.parley.e2e.AnalyticsSeed.Fact;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.parley.e2e.AnalyticsSeed.ts;

/** Writes a seeded history to the database as the service would have written it, in order or out of order. */
final class SeedWriter {
    private static final String ENROLLMENT = """
            INSERT INTO enrollment (id, case_id, debtor_id, sequence_name, sequence_version, status, started_at,
                time_zone, account, variables, created_at, updated_at, variant, experiment)
            VALUES ($1, $2, 'an-debtor', $7, $3, 'completed', $5, 'UTC', '{}', '{}', $5, $5, $4, $6)""";
    private static final String ATTEMPT = """
            INSERT INTO attempt (id, enrollment_id, run_no, case_id, debtor_id, step_id, channel, contact_address,
                contact_type, template, locale, content, status, status_rank, provider, outcome, created_at, updated_at)
            VALUES ($1, $2, $3, $4, 'an-debtor', $5, 'sms', '+15550000', 'mobile', 't', 'en-US', '{}', $6, 0, 'seeded',
                $7, $8, $8)""";
    private static final String DECISION = """
            INSERT INTO decision (enrollment_id, case_id, run_no, step_id, channel, outcome, rule, reasons, decided_at)
            VALUES ($1, $2, $3, $4, 'sms', $5, $6, '[]', $7)""";
    private static final String FACT = "INSERT INTO timeline (case_id, seq, at, kind, data) VALUES ($1, $2, $3, $4, $5)";

    private final AnalyticsSeed seed;
    private final Pool pool;

    SeedWriter(AnalyticsSeed seed, Pool pool) {
        this.seed = seed;
        this.pool = pool;
    }

    /** The history written as it happened: enrollments, then attempts, decisions and timeline entries. */
    Future<Void> inOrder() {
        return sequences().compose(v -> batch(ENROLLMENT, enrollmentRows(seed.enrollments)))
                .compose(v -> batch(ATTEMPT, attemptRows(seed.attempts, false)))
                .compose(v -> batch(DECISION, decisionRows()))
                .compose(v -> batch(FACT, factRows()));
    }

    /**
     * The same history written in an order the analytics must not depend on: the cases' first enrollments, their
     * outcomes, then attempts still sending, then the cases' later enrollments (splitting the earlier ones' spans),
     * their attempts, every attempt's final status, and last the decisions.
     */
    Future<Void> outOfOrder() {
        Set<String> seen = new HashSet<>();
        List<Enrollment> first = seed.enrollments.stream().filter(e -> seen.add(e.caseId())).toList();
        List<Enrollment> later = seed.enrollments.stream().filter(e -> !first.contains(e)).toList();
        List<Attempt> early = seed.attempts.stream().filter(a -> first.contains(a.e())).toList();
        List<Attempt> rest = seed.attempts.stream().filter(a -> !first.contains(a.e())).toList();
        List<Tuple> finals = new ArrayList<>();
        List<Tuple> pending = attemptRows(early, true);
        List<Tuple> pendingLater = attemptRows(rest, true);
        for (Attempt a : seed.attempts) {
            finals.add(Tuple.of(a.e().id(), a.runNo(), a.status(), a.outcome()));
        }
        return sequences().compose(v -> batch(ENROLLMENT, enrollmentRows(first)))
                .compose(v -> batch(FACT, factRows()))
                .compose(v -> batch(ATTEMPT, pending))
                .compose(v -> batch(ENROLLMENT, enrollmentRows(later)))
                .compose(v -> batch(ATTEMPT, pendingLater))
                .compose(v -> batch("UPDATE attempt SET status = $3, outcome = $4 WHERE enrollment_id = $1 "
                        + "AND run_no = $2", finals))
                .compose(v -> batch(DECISION, decisionRows()));
    }

    private Future<Void> sequences() {
        return pool.query("""
                INSERT INTO debtor (id, name, locale, address, updated_at)
                VALUES ('an-debtor', 'Seeded', 'en-US', '{}', now()) ON CONFLICT DO NOTHING;
                INSERT INTO sequence_version (name, version, checksum, source, definition, loaded_at)
                VALUES ('%1$s', 1, 'a', 'seeded', '{}', now()), ('%1$s', 2, 'b', 'seeded', '{}', now())"""
                .formatted(seed.sequence)).execute().mapEmpty();
    }

    private Future<Void> batch(String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Future.succeededFuture() : pool.preparedQuery(sql).executeBatch(rows).mapEmpty();
    }

    private List<Tuple> enrollmentRows(List<Enrollment> some) {
        List<Tuple> es = new ArrayList<>();
        for (Enrollment e : some) {
            es.add(Tuple.from(new Object[]{e.id(), e.caseId(), e.version(), e.variant(), ts(e.start()),
                    e.variant() == null ? null : "m1-test", seed.sequence}));
        }
        return es;
    }

    /** Attempts as they end, or as they are first written (sending, no outcome yet). */
    private static List<Tuple> attemptRows(List<Attempt> some, boolean sending) {
        List<Tuple> as = new ArrayList<>();
        for (Attempt a : some) {
            as.add(Tuple.from(new Object[]{UUID.randomUUID(), a.e().id(), a.runNo(), a.e().caseId(), a.stepId(),
                    sending ? "sending" : a.status(), sending ? null : a.outcome(), ts(a.at())}));
        }
        return as;
    }

    private List<Tuple> decisionRows() {
        List<Tuple> ds = new ArrayList<>();
        for (Decision d : seed.decisions) {
            ds.add(Tuple.of(d.e().id(), d.e().caseId(), d.runNo(), d.stepId(), d.outcome(), d.rule(),
                    ts(d.e().start())));
        }
        return ds;
    }

    private List<Tuple> factRows() {
        Map<String, Integer> seq = new HashMap<>();
        List<Tuple> ts = new ArrayList<>();
        for (Fact f : seed.facts) {
            ts.add(Tuple.of(f.caseId(), seq.merge(f.caseId(), 1, Integer::sum), ts(f.at()), f.kind(), f.data()));
        }
        return ts;
    }

}
