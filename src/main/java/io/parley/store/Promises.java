package io.parley.store;

import io.parley.domain.CaseEventType;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Promises to pay and their fate: open until due, then kept (a payment came) or broken. */
public final class Promises {
    public static final String OPEN = "open";
    public static final String KEPT = "kept";
    public static final String BROKEN = "broken";

    private static final String RECORD = """
            INSERT INTO promise (id, case_id, amount, promised_on, due_at, status, source, created_at)
            VALUES ($1, $2, $3, $4, $5, $8, $6, $7)""";
    private static final String DUE = """
            SELECT id, case_id, created_at FROM promise WHERE status = $3 AND due_at <= $1
            ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED""";
    private static final String PAID_SINCE = """
            SELECT 1 FROM timeline WHERE case_id = $1 AND kind = $3 AND data->>'type' = $4 AND at >= $2 LIMIT 1""";
    private static final String OTHER_OPEN =
            "SELECT 1 FROM promise WHERE case_id = $1 AND status = $3 AND id <> $2 LIMIT 1";
    private static final String SETTLE = "UPDATE promise SET status = $2, settled_at = $3 WHERE id = $1";

    private Promises() {
    }

    /** A promise falling due: its case and when it was made. */
    public record Due(UUID id, String caseId, Instant madeAt) {
    }

    public static Future<UUID> record(SqlClient sql, String caseId, BigDecimal amount, LocalDate on, Instant due,
                                      String source, Instant now) {
        UUID id = UUID.randomUUID();
        return sql.preparedQuery(RECORD).execute(Tuple.from(new Object[]{id, caseId, amount, on, Rows.ts(due), source,
                Rows.ts(now), OPEN})).map(id);
    }

    /** Open promises whose time has come, locked for the caller's transaction. */
    public static Future<List<Due>> due(SqlClient sql, Instant now, int limit) {
        return sql.preparedQuery(DUE).execute(Tuple.of(Rows.ts(now), limit, OPEN)).map(rows -> {
            List<Due> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Due(r.getUUID("id"), r.getString("case_id"), Rows.instant(r.getOffsetDateTime("created_at"))));
            }
            return out;
        });
    }

    /** Whether the collection engine reported a payment on the case since the given time. */
    public static Future<Boolean> paidSince(SqlClient sql, String caseId, Instant since) {
        return sql.preparedQuery(PAID_SINCE).execute(Tuple.of(caseId, Rows.ts(since), TimelineKinds.CASE_EVENT,
                CaseEventType.PAYMENT_RECEIVED.wire())).map(rows -> rows.size() > 0);
    }

    /** Whether the case has an open promise besides this one. */
    public static Future<Boolean> otherOpen(SqlClient sql, String caseId, UUID besides) {
        return sql.preparedQuery(OTHER_OPEN).execute(Tuple.of(caseId, besides, OPEN)).map(rows -> rows.size() > 0);
    }

    public static Future<Void> settle(SqlClient sql, UUID id, String status, Instant now) {
        return sql.preparedQuery(SETTLE).execute(Tuple.of(id, status, Rows.ts(now))).mapEmpty();
    }
}
