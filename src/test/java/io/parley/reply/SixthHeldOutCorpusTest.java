package io.parley.reply;

import java.nio.file.Path;
import java.util.List;

/**
 * The sixth held-out corpus (src/test/resources/replies/held-out-6-en.tsv and held-out-6-zh.tsv): 608 replies,
 * an English half (358 replies) and a Chinese half (250), each written from conf/replies/LABELLING.md alone by someone who never read the rules or
 * any other corpus, scored before the rules were changed for it (held-out-scores.md). Never copy its replies or their
 * phrases into the rules or the training corpus, and never edit it to make a rule pass.
 */
class SixthHeldOutCorpusTest extends CorpusThresholds {
    @Override
    List<Path> files() {
        return CorpusFile.HELD_OUT_6;
    }
}
