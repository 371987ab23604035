package io.parley.reply;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labelled corpus (src/test/resources/replies/corpus.tsv) classified with the shipped rules. Precision and recall
 * are logged per intent; the build fails when opt-out precision drops below 100% or recall below 98%, or when fewer
 * than 95% of promises have exactly the expected amount and date.
 */
class ReplyCorpusTest {
    private static final Logger log = LoggerFactory.getLogger(ReplyCorpusTest.class);
    private static final Path CORPUS = Path.of("src", "test", "resources", "replies", "corpus.tsv");
    private static final Set<ReplyIntent> OPT_OUTS = EnumSet.of(ReplyIntent.OPT_OUT, ReplyIntent.OPT_OUT_ALL);

    /** One labelled reply; amount is a number, "xF" for a fraction F of the balance, or empty. */
    record Row(int line, String text, String locale, ReplyIntent intent, String amount, String date, Instant arrivedAt,
               ZoneId zone) {
    }

    record Outcome(Row row, Classification result) {
        boolean promiseExact() {
            if (result.intent() != ReplyIntent.PROMISE_TO_PAY || result.promise().isEmpty()) {
                return false;
            }
            PromiseToPay promise = result.promise().get();
            String date = promise.date() == null ? "" : promise.date().toString();
            return date.equals(row.date()) && amountMatches(promise);
        }

        private boolean amountMatches(PromiseToPay promise) {
            String expected = row.amount();
            if (expected.isEmpty()) {
                return promise.amount() == null && promise.fractionOfBalance() == null;
            }
            if (expected.startsWith("x")) {
                return promise.fractionOfBalance() != null
                        && promise.fractionOfBalance().compareTo(new BigDecimal(expected.substring(1))) == 0;
            }
            return promise.amount() != null && promise.amount().compareTo(new BigDecimal(expected)) == 0;
        }
    }

    private static List<Outcome> outcomes;

    @BeforeAll
    static void classifyCorpus() throws IOException {
        ReplyClassifier classifier = ReplyClassifier.load(Path.of("conf", "replies"));
        outcomes = new ArrayList<>();
        for (Row row : rows()) {
            outcomes.add(new Outcome(row, classifier.classify(row.text(), row.locale(), row.zone(), row.arrivedAt())));
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(CORPUS, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                throw new IllegalStateException(CORPUS + ":" + (i + 1) + ": expected 7 tab-separated fields, found "
                        + f.length);
            }
            if (!f[4].isEmpty()) {
                LocalDate.parse(f[4]);
            }
            rows.add(new Row(i + 1, f[0], f[1], ReplyIntent.parse(f[2]), f[3], f[4], Instant.parse(f[5]),
                    ZoneId.of(f[6])));
        }
        return rows;
    }

    @Test
    void corpusIsLargeAndCoversEveryIntentInBothLanguages() {
        assertTrue(outcomes.size() >= 300, "corpus has " + outcomes.size() + " replies");
        for (ReplyIntent intent : ReplyIntent.values()) {
            long en = outcomes.stream().filter(o -> o.row().intent() == intent && o.row().locale().startsWith("en")).count();
            long zh = outcomes.stream().filter(o -> o.row().intent() == intent && o.row().locale().startsWith("zh")).count();
            assertTrue(en > 0 && zh > 0, intent.wire() + " has " + en + " English and " + zh + " Chinese replies");
        }
    }

    @Test
    void optOutPrecisionIsPerfectAndRecallAtLeast98Percent() {
        Score together = score(OPT_OUTS);
        Score optOut = score(EnumSet.of(ReplyIntent.OPT_OUT));
        Score optOutAll = score(EnumSet.of(ReplyIntent.OPT_OUT_ALL));
        for (Score s : List.of(together, optOut, optOutAll)) {
            assertEquals(1.0, s.precision(), 0.0, s + "; false positives: " + s.falsePositives);
            assertTrue(s.recall() >= 0.98, s + "; missed: " + s.falseNegatives);
        }
    }

    @Test
    void promisesHaveTheExpectedAmountAndDate() {
        List<Outcome> promises = outcomes.stream().filter(o -> o.row().intent() == ReplyIntent.PROMISE_TO_PAY).toList();
        List<String> wrong = promises.stream().filter(o -> !o.promiseExact())
                .map(o -> describe(o) + " " + o.result().promise()).toList();
        double exact = 1.0 - (double) wrong.size() / promises.size();
        log.info("Promise extraction: {} of {} exact ({})", promises.size() - wrong.size(), promises.size(),
                percent(exact));
        wrong.forEach(w -> log.info("  inexact promise: {}", w));
        assertTrue(promises.size() >= 50, "only " + promises.size() + " promises in the corpus");
        assertTrue(exact >= 0.95, percent(exact) + " exact; wrong: " + wrong);
    }

    @Test
    void everyIntentScoresAtLeast90Percent() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-18s %5s %5s %5s %9s %7s",
                "intent", "rows", "tp", "fp", "precision", "recall"));
        List<String> low = new ArrayList<>();
        for (ReplyIntent intent : ReplyIntent.values()) {
            Score s = score(EnumSet.of(intent));
            table.append(String.format(Locale.ROOT, "%n%-18s %5d %5d %5d %9s %7s", intent.wire(), s.rows, s.truePositives,
                    s.falsePositives.size(), percent(s.precision()), percent(s.recall())));
            if (s.precision() < 0.9 || s.recall() < 0.9) {
                low.add(s.toString());
            }
        }
        Score optOuts = score(OPT_OUTS);
        table.append(String.format(Locale.ROOT, "%n%-18s %5d %5d %5d %9s %7s", "opt_out+opt_out_all", optOuts.rows,
                optOuts.truePositives, optOuts.falsePositives.size(), percent(optOuts.precision()),
                percent(optOuts.recall())));
        long right = outcomes.stream().filter(o -> o.result().intent() == o.row().intent()).count();
        table.append(String.format(Locale.ROOT, "%nall: %d of %d right (%s)", right, outcomes.size(),
                percent((double) right / outcomes.size())));
        log.info("Reply corpus, {} replies:{}", outcomes.size(), table);
        outcomes.stream().filter(o -> o.result().intent() != o.row().intent())
                .forEach(o -> log.info("  misclassified: {}", describe(o)));
        assertTrue(low.isEmpty(), "below 90%: " + low);
    }

    @Test
    void everyClassificationCarriesReasons() {
        for (Outcome o : outcomes) {
            assertTrue(!o.result().reasons().isEmpty(), describe(o));
            if (o.result().intent() != ReplyIntent.OTHER) {
                assertTrue(!o.result().matched().isEmpty(), describe(o));
            }
        }
    }

    private static Score score(Set<ReplyIntent> intents) {
        Score s = new Score(intents);
        for (Outcome o : outcomes) {
            boolean expected = intents.contains(o.row().intent());
            boolean got = intents.contains(o.result().intent());
            if (expected) {
                s.rows++;
            }
            if (expected && got) {
                s.truePositives++;
            } else if (got) {
                s.falsePositives.add(describe(o));
            } else if (expected) {
                s.falseNegatives.add(describe(o));
            }
        }
        return s;
    }

    private static String describe(Outcome o) {
        return "line " + o.row().line() + " '" + o.row().text() + "' (" + o.row().locale() + "): expected "
                + o.row().intent().wire() + ", got " + o.result().intent().wire() + " " + o.result().reasons();
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    private static final class Score {
        final Set<ReplyIntent> intents;
        int rows;
        int truePositives;
        final List<String> falsePositives = new ArrayList<>();
        final List<String> falseNegatives = new ArrayList<>();

        Score(Set<ReplyIntent> intents) {
            this.intents = intents;
        }

        double precision() {
            int predicted = truePositives + falsePositives.size();
            return predicted == 0 ? 1.0 : (double) truePositives / predicted;
        }

        double recall() {
            return rows == 0 ? 1.0 : (double) truePositives / rows;
        }

        @Override
        public String toString() {
            return intents + ": precision " + percent(precision()) + ", recall " + percent(recall()) + " over " + rows
                    + " rows";
        }
    }
}
