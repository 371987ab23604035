package io.parley.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A week of a champion/challenger experiment on the shipped m1-early sequence (40 cases per arm, one SMS step each),
 * written to the database as the service would have written it, and the numbers the console must show for it,
 * counted here over the written rows with plain loops.
 */
final class AnalyticsHistory {
    static final String SEQUENCE = "m1-early";
    static final String STEP = "sms-day-1";
    static final Instant START = Instant.parse("2026-11-02T10:00:00Z");
    static final int PER_ARM = 40;

    record Enrollment(UUID id, String caseId, String variant, int i, Instant start) {
    }

    record Attempt(Enrollment e, Instant at, boolean delivered) {
    }

    record Decision(Enrollment e, String outcome, String rule) {
    }

    record Fact(Enrollment e, Instant at, String kind, JsonObject data) {
    }

    /** The numbers of one arm: its enrolled, the step's counts, the promise rate. */
    record Expected(long enrolled, long attempts, long delivered, long replies, long promises, long kept,
                    BigDecimal promised, BigDecimal paid, long optOuts, long disputes, long deferrals,
                    long suppressions, long promisedEnrollments) {
    }

    final List<Enrollment> enrollments = new ArrayList<>();
    final List<Attempt> attempts = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    final List<Fact> facts = new ArrayList<>();

    AnalyticsHistory() {
        for (String variant : List.of("champion", "challenger")) {
            boolean challenger = variant.equals("challenger");
            for (int i = 0; i < PER_ARM; i++) {
                Enrollment e = new Enrollment(UUID.randomUUID(), "ana-" + variant + "-" + i, variant, i,
                        START.plusSeconds(600L * i));
                enrollments.add(e);
                boolean delivered = i % 4 != 0;
                attempts.add(new Attempt(e, e.start().plusSeconds(7200), delivered));
                if (i % 5 == 0) {
                    decisions.add(new Decision(e, "defer", "us-regf/sms/hours"));
                }
                if (i % 8 == 7) {
                    decisions.add(new Decision(e, "suppress", "us-regf/sms/cap"));
                }
                if (delivered && (challenger ? i % 2 == 0 : i % 3 == 0)) {
                    facts.add(new Fact(e, e.start().plusSeconds(3 * 3600), "reply.received",
                            new JsonObject().put("text", "ok").put("intent", "other")));
                }
                if (challenger ? i % 2 == 1 : i % 8 == 1) {
                    facts.add(new Fact(e, e.start().plusSeconds(4 * 3600), "promise.recorded",
                            new JsonObject().put("amount", "120.50").put("date", "2026-11-09")));
                    if (i % 4 == 1) {
                        Instant kept = e.start().plusSeconds(5 * 86400);
                        facts.add(new Fact(e, kept, "promise.kept", new JsonObject().put("promiseId", "p-" + i)));
                        facts.add(new Fact(e, kept.plusSeconds(1), "case.event", new JsonObject()
                                .put("type", "payment_received").put("details", new JsonObject().put("amount", "120.50"))));
                    }
                }
                if (!challenger && i == 2) {
                    facts.add(new Fact(e, e.start().plusSeconds(3 * 3600), "contact.opted_out", new JsonObject()));
                }
                if (challenger && i == 3) {
                    facts.add(new Fact(e, e.start().plusSeconds(3 * 3600), "case.event",
                            new JsonObject().put("type", "dispute").put("details", new JsonObject())));
                }
            }
        }
    }

    Expected expected(String variant) {
        long enrolled = 0;
        long attempted = 0;
        long delivered = 0;
        for (Enrollment e : enrollments) {
            enrolled += e.variant().equals(variant) ? 1 : 0;
        }
        for (Attempt a : attempts) {
            if (a.e().variant().equals(variant)) {
                attempted++;
                delivered += a.delivered() ? 1 : 0;
            }
        }
        long[] n = new long[5];
        BigDecimal promised = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        java.util.Set<UUID> promising = new java.util.HashSet<>();
        for (Fact f : facts) {
            if (!f.e().variant().equals(variant)) {
                continue;
            }
            switch (f.kind()) {
                case "reply.received" -> n[0]++;
                case "promise.recorded" -> {
                    n[1]++;
                    promised = promised.add(new BigDecimal(f.data().getString("amount")));
                    promising.add(f.e().id());
                }
                case "promise.kept" -> n[2]++;
                case "contact.opted_out" -> n[3]++;
                default -> {
                    if (f.data().getString("type").equals("dispute")) {
                        n[4]++;
                    } else {
                        paid = paid.add(new BigDecimal(f.data().getJsonObject("details").getString("amount")));
                    }
                }
            }
        }
        long deferrals = decisions.stream().filter(d -> d.e().variant().equals(variant) && d.outcome().equals("defer")).count();
        long suppressions = decisions.stream().filter(d -> d.e().variant().equals(variant) && d.outcome().equals("suppress")).count();
        return new Expected(enrolled, attempted, delivered, n[0], n[1], n[2], promised, paid, n[3], n[4], deferrals,
                suppressions, promising.size());
    }

    Future<Void> write(Pool pool) {
        List<Tuple> es = enrollments.stream().map(e -> Tuple.of(e.id(), e.caseId(), e.variant(), ts(e.start()))).toList();
        List<Tuple> as = attempts.stream().map(a -> Tuple.of(UUID.randomUUID(), a.e().id(), a.e().caseId(),
                a.delivered() ? "delivered" : "failed", a.delivered() ? null : "failed", ts(a.at()))).toList();
        List<Tuple> ds = decisions.stream().map(d -> Tuple.of(d.e().id(), d.e().caseId(), d.outcome(), d.rule(),
                ts(d.e().start()))).toList();
        List<Tuple> ts = new ArrayList<>();
        java.util.Map<String, Integer> seq = new java.util.HashMap<>();
        for (Fact f : facts) {
            ts.add(Tuple.of(f.e().caseId(), seq.merge(f.e().caseId(), 1, Integer::sum), ts(f.at()), f.kind(), f.data()));
        }
        return pool.query("INSERT INTO debtor (id, name, locale, address, updated_at) "
                        + "VALUES ('ana-debtor', 'Seeded', 'en-US', '{}', now())").execute()
                .compose(v -> pool.preparedQuery("""
                        INSERT INTO enrollment (id, case_id, debtor_id, sequence_name, sequence_version, status,
                            started_at, time_zone, account, variables, created_at, updated_at, variant, experiment)
                        SELECT $1, $2, 'ana-debtor', name, max(version), 'completed', $4, 'UTC', '{}', '{}', $4, $4,
                            $3, 'm1-sms-first' FROM sequence_version WHERE name = 'm1-early' GROUP BY name""")
                        .executeBatch(es))
                .compose(v -> pool.preparedQuery("""
                        INSERT INTO attempt (id, enrollment_id, run_no, case_id, debtor_id, step_id, channel,
                            contact_address, contact_type, template, locale, content, status, status_rank, provider,
                            outcome, created_at, updated_at)
                        VALUES ($1, $2, 1, $3, 'ana-debtor', 'sms-day-1', 'sms', '+15550000', 'mobile', 't', 'en-US',
                            '{}', $4, 0, 'seeded', $5, $6, $6)""").executeBatch(as))
                .compose(v -> pool.preparedQuery("""
                        INSERT INTO decision (enrollment_id, case_id, run_no, step_id, channel, outcome, rule, reasons,
                            decided_at) VALUES ($1, $2, 1, 'sms-day-1', 'sms', $3, $4, '[]', $5)""").executeBatch(ds))
                .compose(v -> pool.preparedQuery("INSERT INTO timeline (case_id, seq, at, kind, data) "
                        + "VALUES ($1, $2, $3, $4, $5)").executeBatch(ts))
                .mapEmpty();
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
