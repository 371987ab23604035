package io.parley.reply;

import java.nio.file.Path;
import java.util.List;

/**
 * The fourth held-out corpus (src/test/resources/replies/held-out-4.tsv): 550 replies written from
 * conf/replies/LABELLING.md alone by someone who never read the rules or any other corpus, scored before the rules
 * were changed for it (held-out-scores.md). Never copy its replies or their phrases into the rules or the training
 * corpus, and never edit it to make a rule pass.
 */
class FourthHeldOutCorpusTest extends CorpusThresholds {
    @Override
    List<Path> files() {
        return List.of(CorpusFile.HELD_OUT_4);
    }
}
