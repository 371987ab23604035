package io.parley.reply;

import java.nio.file.Path;

/** The corpus the rules are written against (src/test/resources/replies/corpus.tsv): add to it when rules change. */
class TrainingCorpusTest extends CorpusThresholds {
    @Override
    Path corpus() {
        return CorpusFile.TRAINING;
    }

    @Override
    int minimumSize() {
        return 300;
    }
}
