package io.parley.reply;

import java.nio.file.Path;
import java.util.List;

/**
 * The third held-out corpus (src/test/resources/replies/held-out-3.tsv): 669 replies written from
 * conf/replies/LABELLING.md alone by someone who never read the rules or the earlier corpora, scored before the rules
 * were changed for it, then again after they were changed by class of text (held-out-scores.md; each class is pinned
 * by replies of its own in generalisation.tsv, "tenth batch"). Never copy its replies or their phrases into the rules
 * or the training corpus, and never edit it to make a rule pass.
 */
class ThirdHeldOutCorpusTest extends CorpusThresholds {
    @Override
    List<Path> files() {
        return List.of(CorpusFile.HELD_OUT_3);
    }
}
