package io.parley.channel.letter;

import io.parley.channel.letter.store.LetterRows.BatchLetter;
import io.vertx.core.Future;

/**
 * Where closed batches go: a drop directory or a print house over HTTP. Every call may be repeated for the same batch
 * after a crash, so each is idempotent; the manifest goes last and completes the batch.
 */
interface PrintDestination {

    /** Where the batches go, as the timeline and the API show it. */
    String describe();

    /** Hands one letter's PDF over. */
    Future<Void> letter(String batch, BatchLetter letter);

    /** Hands the manifest over once every letter has been, completing the batch. */
    Future<Void> complete(String batch, String manifestCsv);
}
