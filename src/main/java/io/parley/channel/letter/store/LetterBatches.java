package io.parley.channel.letter.store;

import io.parley.store.Rows;
import io.parley.store.Timeline;
import io.parley.store.TimelineEntry;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Print batches: letters join the open batch of their print day; at the cut-off one instance closes it in one
 * transaction (pulling held letters, with a timeline entry for each); the instance holding the batch's lease hands it
 * over, and marks it handed over in one more transaction.
 */
public final class LetterBatches {
    public static final String PULLED = "letter.pulled";
    public static final String HANDED_OVER = "letter.handed_over";

    private static final String OPEN = "INSERT INTO letter_batch (id, cutoff_at) VALUES ($1, $2) ON CONFLICT DO NOTHING";
    private static final String STATUS = "SELECT status FROM letter_batch WHERE id = $1 FOR SHARE";
    private static final String ADD = """
            INSERT INTO letter (attempt_id, case_id, enrollment_id, debtor_id, batch_id, status, status_rank, pages,
                                paper, sha256, pdf, address_lines, contact_address, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, 'queued', 0, $6, $7, $8, $9, $10, $12, $11, $11)
            ON CONFLICT (attempt_id) DO NOTHING""";
    private static final String DUE = """
            SELECT id FROM letter_batch WHERE status = 'open' AND cutoff_at <= $1
            ORDER BY cutoff_at LIMIT 1 FOR UPDATE SKIP LOCKED""";
    private static final String PULL = """
            UPDATE letter l SET status = 'pulled', status_rank = 9, updated_at = $2
            WHERE l.batch_id = $1 AND l.status = 'queued'
              AND (EXISTS (SELECT 1 FROM case_hold h WHERE h.case_id = l.case_id)
                   OR EXISTS (SELECT 1 FROM debtor d WHERE d.id = l.debtor_id
                              AND coalesce((d.preferences ->> 'ceaseAll')::boolean, false)))
            RETURNING l.attempt_id, l.case_id, l.enrollment_id,
                      (SELECT string_agg(h.kind, ', ' ORDER BY h.kind) FROM case_hold h WHERE h.case_id = l.case_id)""";
    private static final String FIX = """
            UPDATE letter SET status = 'batched', status_rank = 1, updated_at = $2
            WHERE batch_id = $1 AND status = 'queued'""";
    private static final String CLOSE = """
            UPDATE letter_batch SET status = 'closed', closed_at = $2, letters = $3, lease_owner = $4, lease_until = $5
            WHERE id = $1""";
    private static final String CLAIM = """
            UPDATE letter_batch SET lease_owner = $2, lease_until = $3
            WHERE id = (SELECT id FROM letter_batch WHERE status = 'closed'
                        AND (lease_until IS NULL OR lease_until < $1 OR lease_owner = $2)
                        ORDER BY cutoff_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id""";
    private static final String HAND_OVER = """
            UPDATE letter_batch SET status = 'handed_over', handed_at = $2, destination = $3, lease_owner = NULL,
                                    lease_until = NULL
            WHERE id = $1 AND status = 'closed'""";
    private static final String LETTERS_HANDED_OVER = """
            UPDATE letter SET status = 'handed_over', status_rank = 2, updated_at = $2
            WHERE batch_id = $1 AND status = 'batched' RETURNING attempt_id, case_id, enrollment_id""";

    private LetterBatches() {
    }

    /** A batch a letter may join: a print day's batch and its cut-off. */
    public record Candidate(String id, Instant cutoff) {
    }

    /** A letter taken out of its batch before the cut-off, and why. */
    public record Pulled(UUID attemptId, String caseId, UUID enrollmentId, String reason) {
    }

    /** A batch closed at its cut-off: how many letters it holds and which were pulled. */
    public record Closed(String batchId, int letters, List<Pulled> pulled) {
    }

    /**
     * Keeps the letter in the first of the candidate batches still open (today's, or tomorrow's when today's closed
     * meanwhile); returns the batch. Adding the same letter again changes nothing.
     */
    public static Future<String> add(Pool pool, NewLetter letter, List<Candidate> candidates, Instant now) {
        return Transactions.run(pool, c -> join(c, candidates, 0).compose(batch -> c.preparedQuery(ADD)
                .execute(Tuple.from(new Object[]{letter.attemptId(), letter.caseId(), letter.enrollmentId(),
                        letter.debtorId(), batch, letter.pages(), letter.paper(), letter.sha256(),
                        io.vertx.core.buffer.Buffer.buffer(letter.pdf()), letter.addressLines().toArray(String[]::new),
                        Rows.ts(now), letter.contactAddress()}))
                .map(batch)));
    }

    private static Future<String> join(SqlConnection c, List<Candidate> candidates, int index) {
        if (index >= candidates.size()) {
            return Future.failedFuture(new IllegalStateException("every candidate print batch has closed"));
        }
        Candidate candidate = candidates.get(index);
        return c.preparedQuery(OPEN).execute(Tuple.of(candidate.id(), Rows.ts(candidate.cutoff())))
                .compose(v -> c.preparedQuery(STATUS).execute(Tuple.of(candidate.id())))
                .compose(rows -> "open".equals(rows.iterator().next().getString(0))
                        ? Future.succeededFuture(candidate.id()) : join(c, candidates, index + 1));
    }

    /**
     * Closes the earliest open batch whose cut-off has passed, if any (one instance gets it; the others skip it):
     * pulls the letters of held cases and of debtors who asked for no contact, noting each on its case's timeline,
     * fixes the rest, and takes the batch's hand-over lease.
     */
    public static Future<Optional<Closed>> closeDue(Pool pool, Instant now, String owner, Instant leaseUntil) {
        return Transactions.run(pool, c -> c.preparedQuery(DUE).execute(Tuple.of(Rows.ts(now))).compose(due -> {
            if (due.size() == 0) {
                return Future.succeededFuture(Optional.empty());
            }
            String batch = due.iterator().next().getString(0);
            return c.preparedQuery(PULL).execute(Tuple.of(batch, Rows.ts(now))).compose(pulledRows -> {
                List<Pulled> pulled = new ArrayList<>();
                List<TimelineEntry> notes = new ArrayList<>();
                for (Row r : pulledRows) {
                    String holds = r.getString(3);
                    String reason = holds == null ? "the debtor asked for no more contact"
                            : "the case is on hold (" + holds + ")";
                    Pulled p = new Pulled(r.getUUID(0), r.getString(1), r.getUUID(2), reason);
                    pulled.add(p);
                    notes.add(new TimelineEntry(p.caseId(), p.enrollmentId(), now, PULLED, new JsonObject()
                            .put("attemptId", p.attemptId().toString()).put("batch", batch).put("reason", reason)));
                }
                return Timeline.append(c, notes)
                        .compose(v -> c.preparedQuery(FIX).execute(Tuple.of(batch, Rows.ts(now))))
                        .compose(fixed -> c.preparedQuery(CLOSE).execute(Tuple.of(batch, Rows.ts(now),
                                        fixed.rowCount(), owner, Rows.ts(leaseUntil)))
                                .map(v -> Optional.of(new Closed(batch, fixed.rowCount(), pulled))));
            });
        }));
    }

    /** A closed batch not yet handed over whose lease is free (or already this instance's), leased to the owner. */
    public static Future<Optional<String>> claimHandOver(Pool pool, Instant now, String owner, Instant leaseUntil) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(Rows.ts(now), owner, Rows.ts(leaseUntil)))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    /** Marks the batch and its letters handed over, noting it on each letter's case timeline. */
    public static Future<Void> handedOver(Pool pool, String batch, String destination, Instant now) {
        return Transactions.run(pool, c -> c.preparedQuery(HAND_OVER)
                .execute(Tuple.of(batch, Rows.ts(now), destination))
                .compose(v -> c.preparedQuery(LETTERS_HANDED_OVER).execute(Tuple.of(batch, Rows.ts(now))))
                .compose(rows -> {
                    List<TimelineEntry> notes = new ArrayList<>();
                    for (Row r : rows) {
                        notes.add(new TimelineEntry(r.getString(1), r.getUUID(2), now, HANDED_OVER, new JsonObject()
                                .put("attemptId", r.getUUID(0).toString()).put("batch", batch)
                                .put("destination", destination)));
                    }
                    return Timeline.append(c, notes);
                }));
    }
}
