package io.parley.reply;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Prints the classifier's score on the held-out corpus (target/held-out-score.txt). */
class HeldOutScoreTest {
    @Test
    void score() throws Exception {
        ReplyClassifier classifier = ReplyClassifier.load(Path.of("conf", "replies"));
        List<CorpusScore.Scored> scored = new ArrayList<>();
        for (LabelledReply row : CorpusFile.read(CorpusFile.HELD_OUT)) {
            Classification result = classifier.classify(row.text(), row.locale(), row.zone(), row.arrivedAt());
            scored.add(new CorpusScore.Scored(row, Prediction.of(result, row.channel())));
        }
        CorpusScore score = new CorpusScore(scored);
        String report = ScoreReport.headline("held-out", score) + "\n\n" + ScoreReport.byIntent(score) + "\n\n"
                + ScoreReport.mistakes(score);
        Files.writeString(Path.of("target", "held-out-score.txt"), report, StandardCharsets.UTF_8);
        System.out.println(report);
    }
}
