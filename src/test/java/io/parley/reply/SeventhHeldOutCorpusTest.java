package io.parley.reply;

import java.nio.file.Path;
import java.util.List;

/**
 * The seventh held-out corpus (src/test/resources/replies/held-out-7-en.tsv and held-out-7-zh.tsv): 639 replies,
 * an English half (341 replies) and a Chinese half (298), each written from conf/replies/LABELLING.md alone by someone who never read the rules or
 * any other corpus, scored before the rules were changed for it (held-out-scores.md). Never copy its replies or their
 * phrases into the rules or the training corpus, and never edit it to make a rule pass.
 */
class SeventhHeldOutCorpusTest extends CorpusThresholds {
    @Override
    List<Path> files() {
        return CorpusFile.HELD_OUT_7;
    }
}
