package io.parley.channel.letter;

import io.parley.channel.AttemptChange;
import io.parley.channel.ChannelServices;
import io.parley.channel.letter.store.LetterBatches;
import io.parley.channel.letter.store.LetterRows;
import io.parley.channel.letter.store.LetterRows.BatchLetter;
import io.parley.domain.AttemptStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One turn of the batch loop: close every batch whose cut-off has passed (once across instances), report the letters
 * pulled from it as failed attempts (nothing was sent), and hand over every closed batch this instance can lease:
 * each letter, then the manifest, then the batch marked handed over. A crash anywhere leaves the batch closed and its
 * lease runs out; the next turn (here or on another instance) hands it over again from the start, harmlessly.
 */
final class PrintBatches {
    private static final Logger LOG = LoggerFactory.getLogger(PrintBatches.class);
    static final String WITHDRAWN = "withdrawn";
    private static final int PAGE = 50;

    private final Pool pool;
    private final PrintDestination destination;
    private final ChannelServices services;
    private final Clock clock;
    private final String owner;
    private final Duration lease;

    PrintBatches(Pool pool, PrintDestination destination, ChannelServices services, Clock clock, String owner,
                 Duration lease) {
        this.pool = pool;
        this.destination = destination;
        this.services = services;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
    }

    /** Closes and hands over what is due; the number of batches handed over. */
    Future<Integer> turn() {
        return closeAll().compose(v -> handOverAll(0));
    }

    private Future<Void> closeAll() {
        Instant now = clock.instant();
        return LetterBatches.closeDue(pool, now, owner, now.plus(lease)).compose(closed -> {
            if (closed.isEmpty()) {
                return Future.succeededFuture();
            }
            LetterBatches.Closed batch = closed.get();
            LOG.info("Print batch {} closed: {} letter(s), {} pulled", batch.batchId(), batch.letters(),
                    batch.pulled().size());
            List<AttemptChange> withdrawn = batch.pulled().stream().map(p -> AttemptChange.failed(p.attemptId(),
                    AttemptStatus.FAILED, batch.batchId(), WITHDRAWN, "pulled from print batch " + batch.batchId()
                            + " before its cut-off: " + p.reason())).toList();
            return services.record(withdrawn).compose(v -> closeAll());
        });
    }

    private Future<Integer> handOverAll(int done) {
        Instant now = clock.instant();
        return LetterBatches.claimHandOver(pool, now, owner, now.plus(lease)).compose(claimed -> claimed.isEmpty()
                ? Future.succeededFuture(done)
                : handOver(claimed.get()).compose(v -> handOverAll(done + 1)));
    }

    Future<Void> handOver(String batch) {
        BatchManifest manifest = new BatchManifest();
        return sendFrom(batch, null, manifest)
                .compose(v -> destination.complete(batch, manifest.csv()))
                .compose(v -> LetterBatches.handedOver(pool, batch, destination.describe(), clock.instant()))
                .onSuccess(v -> LOG.info("Print batch {} handed over to {}", batch, destination.describe()))
                .onFailure(e -> LOG.warn("Print batch {} not handed over yet (tried again when its lease runs out): "
                        + "{}", batch, e.getMessage()));
    }

    private Future<Void> sendFrom(String batch, UUID after, BatchManifest manifest) {
        return LetterRows.batchLetters(pool, batch, after, PAGE).compose(page -> {
            Future<Void> sent = Future.succeededFuture();
            for (BatchLetter letter : page) {
                manifest.add(letter);
                sent = sent.compose(v -> destination.letter(batch, letter));
            }
            return page.size() < PAGE ? sent
                    : sent.compose(v -> sendFrom(batch, page.get(page.size() - 1).attemptId(), manifest));
        });
    }
}
