package io.parley.reply;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static io.parley.reply.CorpusScore.percent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A labelled corpus classified with the shipped rules (conf/replies), through the classifier directly. The build fails
 * when opt-out precision drops below 100% or recall below 98% (as the primary intent, and as anything that takes
 * effect), intent accuracy below 92%, or promise amount and date exact below 90%. The score and every mistake are
 * written to target/&lt;corpus&gt;-score.txt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CorpusThresholds {
    private static final Logger log = LoggerFactory.getLogger(CorpusThresholds.class);
    private static final ReplyClassifier CLASSIFIER = ReplyClassifier.load(Path.of("conf", "replies"));

    private CorpusScore score;

    /** The corpus: one file, or the halves of one written apart (an English and a Chinese half). */
    abstract List<Path> files();

    /** The fewest replies the corpus may have: 400 for a held-out corpus. */
    int minimumSize() {
        return 400;
    }

    @BeforeAll
    void classifyCorpus() throws IOException {
        List<CorpusScore.Scored> scored = new ArrayList<>();
        for (Path file : files()) {
            for (LabelledReply row : CorpusFile.read(file)) {
                Classification result = CLASSIFIER.classify(row.text(), row.locale(), row.zone(), row.arrivedAt());
                scored.add(new CorpusScore.Scored(row, Prediction.of(result, row.channel())));
            }
        }
        score = new CorpusScore(scored);
        String name = files().stream().map(f -> f.getFileName().toString().replace(".tsv", ""))
                .collect(Collectors.joining("+"));
        String report = ScoreReport.headline(name, score) + "\n\n" + ScoreReport.byIntent(score) + "\n\n"
                + ScoreReport.mistakes(score);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", name + "-score.txt"), report, StandardCharsets.UTF_8);
        log.info("Reply corpus {}:\n{}", name, report);
    }

    @Test
    void corpusIsLargeAndCoversEveryIntentInBothLanguages() {
        assertTrue(score.scored().size() >= minimumSize(), "corpus has " + score.scored().size() + " replies");
        for (ReplyIntent intent : ReplyIntent.values()) {
            long en = score.scored().stream().filter(s -> s.label().intent() == intent && s.label().english()).count();
            long zh = score.scored().stream().filter(s -> s.label().intent() == intent && !s.label().english()).count();
            assertTrue(en > 0 && zh > 0, intent.wire() + " has " + en + " English and " + zh + " Chinese replies");
        }
    }

    @Test
    void optOutPrecisionIsPerfectAndRecallAtLeast98Percent() {
        for (CorpusScore.Rate rate : List.of(score.primaryOptOut(), score.optOutEffect())) {
            assertEquals(1.0, rate.precision(), 0.0, rate + "; false opt-outs: " + rate.falsePositives());
            assertTrue(rate.recall() >= 0.98, rate + "; missed: " + rate.falseNegatives());
        }
    }

    @Test
    void intentAccuracyAtLeast92Percent() {
        double accuracy = score.intentAccuracy(r -> true);
        assertTrue(accuracy >= 0.92, "intent accuracy " + percent(accuracy) + "\n" + ScoreReport.mistakes(score));
    }

    @Test
    void promiseAmountAndDateExactAtLeast90Percent() {
        assertTrue(score.promises().size() >= 50, "only " + score.promises().size() + " promises in the corpus");
        assertTrue(score.promiseExact() >= 0.90, percent(score.promiseExact()) + " exact\n" + ScoreReport.mistakes(score));
    }

    @Test
    void everyClassificationCarriesReasons() {
        for (CorpusScore.Scored s : score.scored()) {
            assertTrue(!s.got().reasons().isEmpty(), s.describe());
            if (s.got().intent() != ReplyIntent.OTHER) {
                assertTrue(!s.got().matched().isEmpty(), s.describe());
            }
        }
    }
}
