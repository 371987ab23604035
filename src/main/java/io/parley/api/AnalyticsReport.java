package io.parley.api;

import io.parley.analytics.RateComparison;
import io.parley.store.SequenceAnalytics.ArmNumbers;
import io.parley.store.SequenceAnalytics.Funnel;
import io.parley.store.SequenceAnalytics.StepNumbers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A sequence's analytics as the API gives them: JSON (arms, funnel, steps, experiment comparisons) and CSV. */
final class AnalyticsReport {
    static final List<String> CSV_COLUMNS = List.of("version", "variant", "step", "attempts", "delivered",
            "rightPartyContacts", "replies", "promises", "promisesKept", "promisesBroken", "amountPromised",
            "amountPaid", "optOuts", "disputes", "deferrals", "suppressions");

    private AnalyticsReport() {
    }

    static JsonObject json(String name, Integer version, Instant from, Instant to, List<ArmNumbers> arms) {
        JsonArray out = new JsonArray();
        for (ArmNumbers arm : arms) {
            JsonArray steps = new JsonArray();
            arm.steps().forEach(s -> steps.add(step(s)));
            out.add(new JsonObject().put("version", arm.arm().version())
                    .put("variant", arm.arm().variant().isEmpty() ? null : arm.arm().variant())
                    .put("enrollments", arm.funnel().enrollments())
                    .put("totals", step(total(arm.steps())).put("enrollments", arm.funnel().enrollments()))
                    .put("funnel", funnel(arm.funnel()))
                    .put("firstContact", new JsonObject().put("contacted", arm.funnel().contacted())
                            .put("meanSeconds", arm.funnel().firstContactMeanSeconds())
                            .put("medianSeconds", arm.funnel().firstContactMedianSeconds()))
                    .put("steps", steps));
        }
        return new JsonObject().put("sequence", name).put("version", version)
                .put("from", from == null ? null : from.toString()).put("to", to == null ? null : to.toString())
                .put("arms", out).put("experiments", experiments(arms));
    }

    private static JsonObject step(StepNumbers s) {
        return new JsonObject().put("stepId", s.stepId()).put("attempts", s.attempts()).put("delivered", s.delivered())
                .put("rightPartyContacts", s.rightParty()).put("replies", s.replies()).put("promises", s.promises())
                .put("promisesKept", s.kept()).put("promisesBroken", s.broken())
                .put("amountPromised", s.promisedAmount().toPlainString())
                .put("amountPaid", s.paidAmount().toPlainString()).put("optOuts", s.optOuts())
                .put("disputes", s.disputes()).put("deferrals", new JsonObject(new TreeMap<>(s.deferrals())))
                .put("suppressions", new JsonObject(new TreeMap<>(s.suppressions())));
    }

    /** The sum over an arm's steps (stepId null). */
    static StepNumbers total(List<StepNumbers> steps) {
        Map<String, Long> deferrals = new TreeMap<>();
        Map<String, Long> suppressions = new TreeMap<>();
        long[] n = new long[9];
        BigDecimal promised = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        for (StepNumbers s : steps) {
            long[] each = {s.attempts(), s.delivered(), s.rightParty(), s.replies(), s.promises(), s.kept(),
                    s.broken(), s.optOuts(), s.disputes()};
            for (int i = 0; i < n.length; i++) {
                n[i] += each[i];
            }
            promised = promised.add(s.promisedAmount());
            paid = paid.add(s.paidAmount());
            s.deferrals().forEach((k, v) -> deferrals.merge(k, v, Long::sum));
            s.suppressions().forEach((k, v) -> suppressions.merge(k, v, Long::sum));
        }
        return new StepNumbers(null, n[0], n[1], n[2], n[3], n[4], n[5], n[6], promised, paid, n[7], n[8],
                deferrals, suppressions);
    }

    /** Each stage: how many enrollments reached it, as a share of the enrolled and of the stage before. */
    private static JsonArray funnel(Funnel f) {
        String[] names = {"enrolled", "attempted", "delivered", "rightPartyContact", "replied", "promised", "kept"};
        long[] counts = {f.enrollments(), f.attempted(), f.delivered(), f.rightParty(), f.replied(), f.promised(),
                f.kept()};
        JsonArray stages = new JsonArray();
        for (int i = 0; i < names.length; i++) {
            stages.add(new JsonObject().put("stage", names[i]).put("enrollments", counts[i])
                    .put("rateOfEnrolled", rate(counts[i], counts[0]))
                    .put("rateOfPrevious", i == 0 ? null : rate(counts[i], counts[i - 1])));
        }
        return stages;
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    /**
     * Per version with variants: each challenger against the champion (the variant named "champion", else the one
     * with most enrollments) on the promise rate, kept rate, right-party contact rate and reply rate.
     */
    private static JsonArray experiments(List<ArmNumbers> arms) {
        JsonArray out = new JsonArray();
        Map<Integer, List<ArmNumbers>> byVersion = arms.stream().filter(a -> !a.arm().variant().isEmpty())
                .collect(Collectors.groupingBy(a -> a.arm().version(), TreeMap::new, Collectors.toList()));
        byVersion.forEach((version, variants) -> {
            if (variants.size() < 2) {
                return;
            }
            ArmNumbers champion = variants.stream().filter(a -> a.arm().variant().equals("champion")).findFirst()
                    .orElse(variants.stream().max(Comparator.comparingLong(a -> a.funnel().enrollments())).get());
            for (ArmNumbers other : variants) {
                if (other == champion) {
                    continue;
                }
                List<RateComparison> rates = new ArrayList<>();
                String c = champion.arm().variant();
                String o = other.arm().variant();
                Funnel a = champion.funnel();
                Funnel b = other.funnel();
                rates.add(RateComparison.of("promise rate", c, a.enrollments(), a.promised(), o, b.enrollments(),
                        b.promised()));
                rates.add(RateComparison.of("kept rate", c, a.promised(), a.kept(), o, b.promised(), b.kept()));
                rates.add(RateComparison.of("right-party contact rate", c, a.enrollments(), a.rightParty(), o,
                        b.enrollments(), b.rightParty()));
                rates.add(RateComparison.of("reply rate", c, a.enrollments(), a.replied(), o, b.enrollments(),
                        b.replied()));
                JsonArray compared = new JsonArray();
                rates.forEach(r -> compared.add(new JsonObject().put("rate", r.rate())
                        .put("championSize", r.baseSize()).put("championRate", rate(r.baseHits(), r.baseSize()))
                        .put("challengerSize", r.otherSize()).put("challengerRate", rate(r.otherHits(), r.otherSize()))
                        .put("difference", r.difference()).put("low", r.low()).put("high", r.high())
                        .put("verdict", r.verdict())));
                out.add(new JsonObject().put("version", version).put("champion", c).put("challenger", o)
                        .put("comparisons", compared));
            }
        });
        return out;
    }

    /** One line per arm and step, after a header line; rules as "rule=count" joined by ';'. */
    static String csv(List<ArmNumbers> arms) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (ArmNumbers arm : arms) {
            for (StepNumbers s : arm.steps()) {
                List<Object> cells = List.of(arm.arm().version(), arm.arm().variant(),
                        s.stepId() == null ? "" : s.stepId(), s.attempts(), s.delivered(), s.rightParty(), s.replies(),
                        s.promises(), s.kept(), s.broken(), s.promisedAmount().toPlainString(),
                        s.paidAmount().toPlainString(), s.optOuts(), s.disputes(), rules(s.deferrals()),
                        rules(s.suppressions()));
                out.append(cells.stream().map(v -> cell(String.valueOf(v))).collect(Collectors.joining(",")))
                        .append("\r\n");
            }
        }
        return out.toString();
    }

    private static String rules(Map<String, Long> byRule) {
        return new TreeMap<>(byRule).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
    static String cell(String v) {
        String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+") ? "'" + v : v;
        return safe.matches(".*[,\"\r\n].*") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
