package io.parley.reply;

import java.nio.file.Path;
import java.util.List;

/**
 * The held-out corpus (src/test/resources/replies/held-out.tsv): written from conf/replies/LABELLING.md before the
 * rules were read and never edited since, so it measures how the rules do on text they were not written against.
 * Never add its replies to the training corpus, and never edit it to make a rule pass.
 */
class HeldOutCorpusTest extends CorpusThresholds {
    @Override
    List<Path> files() {
        return List.of(CorpusFile.HELD_OUT);
    }
}
