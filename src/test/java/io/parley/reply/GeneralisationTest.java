package io.parley.reply;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replies written for the classes of text conf/replies/LABELLING.md names (src/test/resources/replies/
 * generalisation.tsv), in both languages: whole-reply keywords in every dress, polite and formal requests to stop
 * (one buried in a long email), negated and mistaken opt-outs, "stop" about a payment, disputes by request for a
 * document and by wrong amount, interest or fees, fraud or a closed account, wrong numbers, third parties, someone
 * else's bankruptcy, attorneys named formally (and lawyers who do not act for the debtor), restrictions of whom, where
 * or when to contact that are not opt-outs, opt-out words in a rhetorical question or someone else's past act, help
 * and callbacks, paid, and promises with amounts in words and days in every form the guide lists. Unlike the corpora, which are scored against thresholds, every reply here must be read
 * exactly: intent, the opt-out scope (none when nothing is opted out), the secondary intent where one is labelled, and
 * a promise's amount and date.
 */
class GeneralisationTest {
    private static final ReplyClassifier CLASSIFIER = ReplyClassifier.load(Path.of("conf", "replies"));
    static final Path CASES = CorpusFile.DIRECTORY.resolve("generalisation.tsv");

    @Test
    void everyReplyIsReadExactly() throws IOException {
        List<LabelledReply> rows = CorpusFile.read(CASES);
        List<String> wrong = new ArrayList<>();
        for (LabelledReply row : rows) {
            Classification result = CLASSIFIER.classify(row.text(), row.locale(), row.zone(), row.arrivedAt());
            CorpusScore.Scored s = new CorpusScore.Scored(row, Prediction.of(result, row.channel()));
            boolean secondary = row.secondary() == null || row.secondary() == s.got().secondary();
            boolean promise = row.intent() != ReplyIntent.PROMISE_TO_PAY || s.promiseExact();
            if (!s.intentRight() || !secondary || !row.scope().equals(s.got().scope()) || !promise) {
                wrong.add(s.describe());
            }
        }
        assertTrue(rows.size() >= 200, "only " + rows.size() + " replies");
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + rows.size() + " read wrongly:\n" + String.join("\n", wrong));
    }
}
