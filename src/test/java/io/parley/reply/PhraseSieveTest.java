package io.parley.reply;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sieve changes what classifying costs, never what it says: over every reply of every corpus file, the shipped
 * rules with their sieve and the same rules running every pattern give the same classification (intent, secondary,
 * scope, promise, every reason: which phrase matched, what each exception hid), and no pattern the sieve skips would
 * have matched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhraseSieveTest {
    private final List<LanguageRules> sieved = ReplyRulesLoader.load(Path.of("conf", "replies"));
    private final List<LabelledReply> replies = new ArrayList<>();

    @BeforeAll
    void readEveryCorpus() throws IOException {
        try (Stream<Path> files = Files.list(CorpusFile.DIRECTORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                replies.addAll(CorpusFile.read(file));
            }
        }
        assertTrue(replies.size() > 3000, "only " + replies.size() + " corpus replies");
    }

    /** The same rules with a sieve that knows no phrase, so every pattern runs, as before the sieve. */
    private static LanguageRules everyPatternRuns(LanguageRules r) {
        return new LanguageRules(r.language(), r.source(), r.numericDates(), r.numericDatesByRegion(), r.keywords(),
                r.phrases(), r.exceptions(), r.channels(), r.courtesy(), r.review(), new PhraseSieve(List.of()));
    }

    @Test
    void everyCorpusReplyIsClassifiedAsWhenEveryPatternRuns() {
        ReplyClassifier fast = new ReplyClassifier(sieved);
        ReplyClassifier plain = new ReplyClassifier(sieved.stream().map(PhraseSieveTest::everyPatternRuns).toList());
        for (LabelledReply row : replies) {
            assertEquals(plain.classify(row.text(), row.locale(), row.zone(), row.arrivedAt()),
                    fast.classify(row.text(), row.locale(), row.zone(), row.arrivedAt()),
                    "line " + row.line() + ": " + row.text());
        }
    }

    /** In the words of every reply, which the patterns search (how letters fold is RequiredTextTest's). */
    @Test
    void aPatternTheSieveSkipsFindsNothing() {
        int run = 0;
        for (LanguageRules rules : sieved) {
            List<LanguageRules.Phrase> patterns = Stream.concat(rules.phrases().values().stream(),
                    rules.exceptions().values().stream()).flatMap(List::stream).toList();
            for (LabelledReply row : replies) {
                String words = ReplyText.of(row.text()).words();
                PhraseSieve.Scan scan = rules.sieve().scan(words);
                for (LanguageRules.Phrase phrase : patterns) {
                    if (scan.mayMatch(phrase)) {
                        run++;
                    } else {
                        assertTrue(!phrase.pattern().matcher(words).find(), "the sieve skipped "
                                + phrase.describe() + ", which matches '" + words + "'");
                    }
                }
            }
        }
        assertTrue(run < replies.size() * 20, "the sieve let " + run + " patterns run on " + replies.size()
                + " replies");
    }
}
