package io.parley.e2e;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A random but reproducible history of one sequence (two versions, the second with a champion and a challenger),
 * written to the database as the service would have written it, and the numbers its analytics must give, worked out
 * here with plain loops.
 */
final class AnalyticsSeed {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant END = Instant.parse("9999-01-01T00:00:00Z");
    private static final Set<String> UNDELIVERED = Set.of("failed", "no_answer", "not_reached", "suppressed", "unknown");
    private static final Set<String> RIGHT_PARTY = Set.of("reached", "promised", "transferred", "replied");
    private static final String[][] RESULTS = {{"delivered", "delivered"}, {"failed", "failed"},
            {"delivered", "reached"}, {"delivered", "replied"}, {"sent", null}, {"failed", "no_answer"},
            {"delivered", "machine"}};
    private static final String[] FACTS = {"reply.received", "promise.recorded", "promise.kept", "promise.broken",
            "payment", "dispute", "case.event.replied", "contact.opted_out", "attempt.status"};

    record Arm(int version, String variant) {
    }

    record Enrollment(UUID id, String caseId, int version, String variant, Instant start) {
    }

    record Attempt(Enrollment e, int runNo, String stepId, Instant at, String status, String outcome) {
        boolean delivered() {
            return "delivered".equals(status) || outcome != null && !UNDELIVERED.contains(outcome);
        }
    }

    record Decision(Enrollment e, int runNo, String stepId, String outcome, String rule) {
    }

    record Fact(String caseId, Instant at, String kind, JsonObject data) {
    }

    record Expected(long enrollments, List<Long> funnel, long contacted, double meanSeconds, double medianSeconds,
                    Map<String, JsonObject> steps) {
    }

    /** The sequence the history is of (its cases are named after it, so two seeds share a database). */
    final String sequence;
    final List<Enrollment> enrollments = new ArrayList<>();
    final List<Attempt> attempts = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();
    final List<Fact> facts = new ArrayList<>();

    private AnalyticsSeed(String sequence) {
        this.sequence = sequence;
    }

    static AnalyticsSeed random(long seed, int cases, String sequence) {
        Random r = new Random(seed);
        AnalyticsSeed s = new AnalyticsSeed(sequence);
        for (int c = 0; c < cases; c++) {
            String caseId = sequence + "-case-" + c;
            Instant start = T0.plusSeconds(60L * r.nextInt(10 * 24 * 60));
            int count = r.nextInt(10) < 3 ? 2 : 1;
            for (int n = 0; n < count; n++) {
                int version = 1 + r.nextInt(2);
                String variant = version == 1 ? null : r.nextBoolean() ? "champion" : "challenger";
                Enrollment e = new Enrollment(UUID.randomUUID(), caseId, version, variant, start);
                s.enrollments.add(e);
                int tries = r.nextInt(4);
                for (int k = 0; k < tries; k++) {
                    String[] result = RESULTS[r.nextInt(RESULTS.length)];
                    s.attempts.add(new Attempt(e, k + 1, "s" + (k + 1),
                            start.plusSeconds((k + 1) * 7200L + 60L * r.nextInt(60)), result[0], result[1]));
                }
                for (int k = r.nextInt(3); k > 0; k--) {
                    s.decisions.add(new Decision(e, 10 + k, "s" + (1 + r.nextInt(3)),
                            List.of("allow", "defer", "suppress").get(r.nextInt(3)),
                            List.of("quiet-hours", "weekly-cap", "opt-out").get(r.nextInt(3))));
                }
                start = start.plusSeconds(86400L * (1 + r.nextInt(3)));
            }
            for (int k = r.nextInt(6); k > 0; k--) {
                Instant at = T0.plusSeconds(60L * r.nextInt(14 * 24 * 60) + 30);
                String kind = FACTS[r.nextInt(FACTS.length)];
                String amount = (1 + r.nextInt(500)) + "." + (10 + r.nextInt(90));
                JsonObject data = switch (kind) {
                    case "promise.recorded" -> new JsonObject().put("amount", amount).put("date", "2026-02-01");
                    case "payment" -> event("payment_received", new JsonObject().put("amount", amount));
                    case "dispute" -> event("dispute", new JsonObject());
                    case "case.event.replied" -> event("replied", new JsonObject());
                    default -> new JsonObject().put("promiseId", UUID.randomUUID().toString());
                };
                s.facts.add(new Fact(caseId, at, kind.startsWith("case.event") || kind.equals("payment")
                        || kind.equals("dispute") ? "case.event" : kind, data));
            }
        }
        return s;
    }

    private static JsonObject event(String type, JsonObject details) {
        return new JsonObject().put("type", type).put("details", details);
    }

    /** The history written as it happened: enrollments, then attempts, decisions and timeline entries. */
    Future<Void> write(Pool pool) {
        return new SeedWriter(this, pool).inOrder();
    }

    /** The same history written in an order the analytics must not depend on (see SeedWriter). */
    Future<Void> writeOutOfOrder(Pool pool) {
        return new SeedWriter(this, pool).outOfOrder();
    }

    static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    /** Per arm (version, then variant, none first), the numbers of the enrollments started in [from, to). */
    Map<Arm, Expected> expected(Instant from, Instant to, Integer version) {
        Map<Arm, List<Enrollment>> cohort = new TreeMap<>(Comparator.comparingInt(Arm::version)
                .thenComparing(a -> a.variant() == null ? "" : a.variant()));
        for (Enrollment e : enrollments) {
            if (!e.start().isBefore(from) && e.start().isBefore(to) && (version == null || e.version() == version)) {
                cohort.computeIfAbsent(new Arm(e.version(), e.variant()), k -> new ArrayList<>()).add(e);
            }
        }
        Map<Arm, Expected> out = new TreeMap<>(cohort instanceof TreeMap<Arm, ?> t ? t.comparator() : null);
        cohort.forEach((arm, es) -> out.put(arm, expect(es)));
        return out;
    }

    private Expected expect(List<Enrollment> es) {
        Map<String, JsonObject> steps = new TreeMap<>();
        long[] funnel = new long[7];
        List<Double> firstContact = new ArrayList<>();
        for (Enrollment e : es) {
            funnel[0]++;
            List<Attempt> mine = attempts.stream().filter(a -> a.e() == e).toList();
            Instant next = enrollments.stream().filter(o -> o.caseId().equals(e.caseId()) && o.start().isAfter(e.start()))
                    .map(Enrollment::start).min(Comparator.naturalOrder()).orElse(END);
            for (Attempt a : mine) {
                JsonObject s = step(steps, a.stepId());
                add(s, "attempts", 1);
                add(s, "delivered", a.delivered() ? 1 : 0);
                add(s, "rightPartyContacts", a.outcome() != null && RIGHT_PARTY.contains(a.outcome()) ? 1 : 0);
            }
            mine.stream().filter(Attempt::delivered).map(Attempt::at).min(Comparator.naturalOrder())
                    .ifPresent(at -> firstContact.add((double) (at.getEpochSecond() - e.start().getEpochSecond())));
            for (Decision d : decisions) {
                if (d.e() == e && !d.outcome().equals("allow")) {
                    JsonObject byRule = step(steps, d.stepId()).getJsonObject(d.outcome().equals("defer")
                            ? "deferrals" : "suppressions");
                    byRule.put(d.rule(), byRule.getLong(d.rule(), 0L) + 1);
                }
            }
            Map<String, Integer> kinds = new HashMap<>();
            for (Fact f : facts) {
                if (!f.caseId().equals(e.caseId()) || f.at().isBefore(e.start()) || !f.at().isBefore(next)
                        || f.kind().equals("attempt.status")) {
                    continue;
                }
                kinds.merge(f.kind(), 1, Integer::sum);
                String stepId = mine.stream().filter(a -> !a.at().isAfter(f.at()))
                        .max(Comparator.comparing(Attempt::at)).map(Attempt::stepId).orElse("");
                JsonObject s = step(steps, stepId);
                String type = f.data().getString("type", "");
                switch (f.kind()) {
                    case "reply.received" -> add(s, "replies", 1);
                    case "promise.recorded" -> {
                        add(s, "promises", 1);
                        s.put("amountPromised", amount(s, "amountPromised", f.data().getString("amount")));
                    }
                    case "promise.kept" -> add(s, "promisesKept", 1);
                    case "promise.broken" -> add(s, "promisesBroken", 1);
                    case "contact.opted_out" -> add(s, "optOuts", 1);
                    default -> {
                        if (type.equals("payment_received")) {
                            s.put("amountPaid", amount(s, "amountPaid",
                                    f.data().getJsonObject("details").getString("amount")));
                        } else if (type.equals("dispute")) {
                            add(s, "disputes", 1);
                        }
                    }
                }
            }
            funnel[1] += mine.isEmpty() ? 0 : 1;
            funnel[2] += mine.stream().anyMatch(Attempt::delivered) ? 1 : 0;
            funnel[3] += mine.stream().anyMatch(a -> a.outcome() != null && RIGHT_PARTY.contains(a.outcome())) ? 1 : 0;
            funnel[4] += kinds.containsKey("reply.received") ? 1 : 0;
            funnel[5] += kinds.containsKey("promise.recorded") ? 1 : 0;
            funnel[6] += kinds.containsKey("promise.recorded") && kinds.containsKey("promise.kept") ? 1 : 0;
        }
        List<Double> sorted = firstContact.stream().sorted().toList();
        int n = sorted.size();
        double median = n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new Expected(es.size(), java.util.Arrays.stream(funnel).boxed().toList(), n, mean, median, steps);
    }

    private static JsonObject step(Map<String, JsonObject> steps, String id) {
        return steps.computeIfAbsent(id, k -> {
            JsonObject s = new JsonObject();
            for (String f : List.of("attempts", "delivered", "rightPartyContacts", "replies", "promises",
                    "promisesKept", "promisesBroken", "optOuts", "disputes")) {
                s.put(f, 0L);
            }
            return s.put("amountPromised", "0").put("amountPaid", "0").put("deferrals", new JsonObject(new TreeMap<>()))
                    .put("suppressions", new JsonObject(new TreeMap<>()));
        });
    }

    private static void add(JsonObject s, String field, long n) {
        s.put(field, s.getLong(field) + n);
    }

    private static String amount(JsonObject s, String field, String more) {
        return new BigDecimal(s.getString(field)).add(new BigDecimal(more)).toPlainString();
    }
}
