package io.parley.reply;

import java.nio.file.Path;
import java.util.List;

/** The corpus the rules are written against (src/test/resources/replies/corpus.tsv): add to it when rules change. */
class TrainingCorpusTest extends CorpusThresholds {
    @Override
    List<Path> files() {
        return List.of(CorpusFile.TRAINING);
    }

    @Override
    int minimumSize() {
        return 300;
    }
}
