package io.parley.reply;

import java.nio.file.Path;
import java.util.List;

/**
 * The eighth held-out corpus (src/test/resources/replies/held-out-8-en.tsv and held-out-8-zh.tsv): 957 replies, an
 * English half (463, Pidgin, Patois, Hinglish and Taglish writers among them) and a Chinese half (494, dialects,
 * Cantonese, Taiwan, Singapore and Malaysia), each written from conf/replies/LABELLING.md alone by someone who never
 * read the rules or any other corpus, scored before the rules were changed for it (held-out-scores.md). Never copy its
 * replies or their phrases into the rules or the training corpus, and never edit it to make a rule pass.
 */
class EighthHeldOutCorpusTest extends CorpusThresholds {
    @Override
    List<Path> files() {
        return CorpusFile.HELD_OUT_8;
    }
}
