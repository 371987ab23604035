package io.parley.channel.letter.store;

import io.parley.store.Rows;
import io.parley.store.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading letters (a PDF, a batch's letters page by page, a batch and its letters' states) and their print news. */
public final class LetterRows {
    private static final String PDF = "SELECT pdf FROM letter WHERE attempt_id = $1";
    private static final String PAGE = """
            SELECT attempt_id, case_id, pages, paper, sha256, address_lines, pdf FROM letter
            WHERE batch_id = $1 AND attempt_id > $2 AND status_rank BETWEEN 1 AND 8
            ORDER BY attempt_id LIMIT $3""";
    private static final String BATCH = """
            SELECT id, cutoff_at, status, letters, closed_at, handed_at, destination FROM letter_batch WHERE id = $1""";
    private static final String BATCH_LETTERS = """
            SELECT attempt_id, case_id, status, pages, sha256, tracking_ref, return_reason, updated_at FROM letter
            WHERE batch_id = $1 ORDER BY attempt_id""";
    private static final String EVENT = """
            INSERT INTO letter_event (event_id, attempt_id, type, received_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (event_id) DO NOTHING""";
    private static final String MOVE = """
            UPDATE letter SET status = $2, status_rank = $3, tracking_ref = coalesce($4, tracking_ref),
                              return_reason = coalesce($5, return_reason), updated_at = $6
            WHERE attempt_id = $1 AND status_rank < $3
            RETURNING case_id, debtor_id, address_lines, tracking_ref, contact_address""";
    private static final String ATTEMPT = """
            SELECT a.enrollment_id, a.debtor_id,
                   (SELECT d.reasons -> 'facts' -> 'packs' FROM decision d WHERE d.attempt_id = a.id LIMIT 1)
            FROM attempt a WHERE a.id = $1""";
    private static final UUID FIRST = new UUID(0, 0);

    private LetterRows() {
    }

    /** A letter of a closed batch, as it is handed to the print house. */
    public record BatchLetter(UUID attemptId, String caseId, int pages, String paper, String sha256,
                              List<String> addressLines, byte[] pdf) {
    }

    /** A letter whose status a print-house event moved forward. */
    public record Moved(UUID attemptId, String caseId, String debtorId, List<String> addressLines,
                        String trackingRef, String contactAddress) {
    }

    /** Whose attempt a letter is, and the rule packs its decision applied. */
    public record AttemptFacts(UUID enrollmentId, String debtorId, List<String> packs) {
    }

    public static Future<Optional<AttemptFacts>> attempt(SqlClient sql, UUID attemptId) {
        return sql.preparedQuery(ATTEMPT).execute(Tuple.of(attemptId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            Object packs = r.getValue(2);
            List<String> names = new ArrayList<>();
            if (packs instanceof JsonArray array) {
                array.forEach(p -> names.add(String.valueOf(p)));
            }
            return Optional.of(new AttemptFacts(r.getUUID(0), r.getString(1), names));
        });
    }

    public static Future<Optional<byte[]>> pdf(SqlClient sql, UUID attemptId) {
        return sql.preparedQuery(PDF).execute(Tuple.of(attemptId)).map(rows -> rows.size() == 0 ? Optional.empty()
                : Optional.of(rows.iterator().next().getBuffer(0).getBytes()));
    }

    /** The batch's letters (not pulled) after the given one (null: from the first), in a stable order. */
    public static Future<List<BatchLetter>> batchLetters(SqlClient sql, String batch, UUID after, int limit) {
        return sql.preparedQuery(PAGE).execute(Tuple.of(batch, after == null ? FIRST : after, limit)).map(rows -> {
            List<BatchLetter> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new BatchLetter(r.getUUID(0), r.getString(1), r.getInteger(2), r.getString(3), r.getString(4),
                        Arrays.asList(r.getArrayOfStrings(5)), r.getBuffer(6).getBytes()));
            }
            return out;
        });
    }

    /** A batch and the state of each of its letters, for the API; empty when there is no such batch. */
    public static Future<Optional<JsonObject>> batch(SqlClient sql, String batch) {
        return sql.preparedQuery(BATCH).execute(Tuple.of(batch)).compose(rows -> {
            if (rows.size() == 0) {
                return Future.succeededFuture(Optional.empty());
            }
            Row b = rows.iterator().next();
            JsonObject out = new JsonObject().put("id", b.getString(0)).put("cutoffAt", time(b, 1))
                    .put("status", b.getString(2)).put("letters", b.getInteger(3)).put("closedAt", time(b, 4))
                    .put("handedOverAt", time(b, 5)).put("destination", b.getString(6));
            return sql.preparedQuery(BATCH_LETTERS).execute(Tuple.of(batch)).map(letters -> {
                JsonArray list = new JsonArray();
                for (Row r : letters) {
                    list.add(new JsonObject().put("id", r.getUUID(0).toString()).put("caseId", r.getString(1))
                            .put("status", r.getString(2)).put("pages", r.getInteger(3)).put("sha256", r.getString(4))
                            .put("trackingRef", r.getString(5)).put("returnReason", r.getString(6))
                            .put("updatedAt", time(r, 7)));
                }
                return Optional.of(out.put("items", list));
            });
        });
    }

    /**
     * Records a print-house event once (by its id) and moves the letter forward to the status it reports; empty when
     * the event was seen before, the letter is unknown, or it already stands as far (or was pulled).
     */
    public static Future<Optional<Moved>> event(Pool pool, String eventId, UUID attemptId, String status, int rank,
                                                String trackingRef, String reason, Instant at) {
        return Transactions.run(pool, c -> c.preparedQuery(EVENT)
                .execute(Tuple.of(eventId, attemptId, status, Rows.ts(at))).compose(inserted -> {
                    if (inserted.rowCount() == 0) {
                        return Future.succeededFuture(Optional.<Moved>empty());
                    }
                    return c.preparedQuery(MOVE).execute(Tuple.from(new Object[]{attemptId, status, rank,
                            trackingRef, reason, Rows.ts(at)})).map(rows -> {
                                if (rows.size() == 0) {
                                    return Optional.<Moved>empty();
                                }
                                Row r = rows.iterator().next();
                                return Optional.of(new Moved(attemptId, r.getString(0), r.getString(1),
                                        Arrays.asList(r.getArrayOfStrings(2)), r.getString(3), r.getString(4)));
                            });
                }));
    }

    private static String time(Row row, int column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant().toString();
    }
}
