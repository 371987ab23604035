package io.parley.store;

import io.parley.domain.AttemptOutcome;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.parley.store.Unnest.col;

/** Attempts: inserted as SENDING before the provider is called, then moved forward only. */
public final class Attempts {
    private static final String INSERT = """
            INSERT INTO attempt (id, enrollment_id, run_no, case_id, debtor_id, step_id, channel, contact_address,
                                 contact_type, template, locale, content, status, status_rank, provider, created_at,
                                 updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $15, $16, $13, $14, $14)
            ON CONFLICT (enrollment_id, run_no) DO NOTHING RETURNING id""";
    private static final String ADVANCE = """
            UPDATE attempt SET status = $2, status_rank = $3, provider_ref = COALESCE(provider_ref, $4),
                   error_code = COALESCE($5, error_code), error_message = COALESCE($6, error_message), updated_at = $7,
                   outcome = COALESCE($8, outcome)
            WHERE id = $1 AND status_rank < $3
            RETURNING id, enrollment_id, case_id, channel, status, provider_ref, error_code, error_message, outcome""";
    private static final String INSERT_ALL = """
            INSERT INTO attempt (id, enrollment_id, run_no, case_id, debtor_id, step_id, channel, contact_address,
                                 contact_type, template, locale, content, status, status_rank, provider, created_at,
                                 updated_at)
            SELECT id, enrollment_id, run_no, case_id, debtor_id, step_id, channel, contact_address, contact_type,
                   template, locale, content::jsonb, $14, $15, provider, created_at, created_at
            FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                        $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $16::timestamptz[])
                 AS u(id, enrollment_id, run_no, case_id, debtor_id, step_id, channel, contact_address, contact_type,
                      template, locale, content, provider, created_at)
            ON CONFLICT (enrollment_id, run_no) DO NOTHING RETURNING id""";
    private static final String ADVANCE_ALL = """
            UPDATE attempt a SET status = u.status, status_rank = u.rank,
                   provider_ref = COALESCE(a.provider_ref, u.provider_ref),
                   error_code = COALESCE(u.error_code, a.error_code),
                   error_message = COALESCE(u.error_message, a.error_message), updated_at = $8,
                   outcome = COALESCE(u.outcome, a.outcome, CASE WHEN u.settles THEN (SELECT m.outcome
                             FROM unnest($9::text[], $10::text[], $11::text[]) AS m(channel, status, outcome)
                             WHERE m.channel = a.channel AND m.status = u.status) END)
            FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
                        $12::boolean[])
                 AS u(id, status, rank, provider_ref, error_code, error_message, outcome, settles)
            WHERE a.id = u.id AND a.status_rank < u.rank
            RETURNING a.id, a.enrollment_id, a.case_id, a.channel, a.status, a.provider_ref, a.error_code,
                      a.error_message, a.outcome""";
    private static final String SETTLED_ALL = """
            UPDATE attempt a SET outcome = u.outcome FROM unnest($1::uuid[], $2::text[]) AS u(id, outcome)
            WHERE a.id = u.id AND a.outcome IS NULL""";
    private static final String MARK_UNKNOWN = """
            UPDATE attempt SET status = $4, updated_at = $2, error_message = $3
            WHERE id = ANY($1) AND status = $5
            RETURNING id, enrollment_id, case_id, channel, status, provider_ref, error_code, error_message, outcome""";
    private static final String STALE_SENDING =
            "SELECT id FROM attempt WHERE status = $3 AND updated_at < $1 ORDER BY updated_at LIMIT $2";
    private static final String IN_DOUBT = """
            SELECT id, channel, contact_address, created_at, content FROM attempt
            WHERE status = $1 AND outcome IS NULL AND updated_at < $2 AND channel = ANY($3)
            ORDER BY updated_at LIMIT $4""";
    private static final String FIND =
            "SELECT case_id, debtor_id, enrollment_id, contact_address FROM attempt WHERE id = $1";
    private static final String COUNT_UNKNOWN =
            "SELECT count(*) FROM attempt WHERE status = $1 AND updated_at > now() - interval '1 day'";

    private static final String SETTLED = "UPDATE attempt SET outcome = $2 WHERE id = $1 AND outcome IS NULL";

    private Attempts() {
    }

    /** Whom an attempt went to, about which case and in which enrollment. */
    public record Addressed(UUID id, String caseId, String debtorId, UUID enrollmentId, String contactAddress) {
    }

    public static Future<Optional<Addressed>> find(SqlClient sql, UUID id) {
        return sql.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row r = rows.iterator().next();
            return Optional.of(new Addressed(id, r.getString("case_id"), r.getString("debtor_id"),
                    r.getUUID("enrollment_id"), r.getString("contact_address")));
        });
    }

    /** Inserts the attempts; returns the ids actually inserted (a step run that already has an attempt gets none). */
    public static Future<Set<UUID>> insert(SqlClient sql, List<NewAttempt> attempts) {
        if (attempts.isEmpty()) {
            return Future.succeededFuture(Set.of());
        }
        if (attempts.size() > 1) {
            Tuple rows = Unnest.arrays(attempts, col(UUID.class, NewAttempt::id),
                    col(UUID.class, NewAttempt::enrollmentId), col(Integer.class, NewAttempt::runNo),
                    col(String.class, NewAttempt::caseId), col(String.class, NewAttempt::debtorId),
                    col(String.class, NewAttempt::stepId), col(String.class, a -> a.channel().wire()),
                    col(String.class, NewAttempt::contactAddress), col(String.class, a -> a.contactType().wire()),
                    col(String.class, NewAttempt::template), col(String.class, NewAttempt::locale),
                    col(String.class, a -> a.content().encode()), col(String.class, NewAttempt::provider));
            rows.addValue(AttemptStatus.SENDING.wire()).addValue(AttemptStatus.SENDING.rank())
                    .addValue(attempts.stream().map(a -> Rows.ts(a.at())).toArray(java.time.OffsetDateTime[]::new));
            return sql.preparedQuery(INSERT_ALL).execute(rows).map(Attempts::ids);
        }
        List<Tuple> rows = attempts.stream().map(a -> Tuple.from(new Object[]{a.id(), a.enrollmentId(), a.runNo(),
                a.caseId(), a.debtorId(), a.stepId(), a.channel().wire(), a.contactAddress(), a.contactType().wire(),
                a.template(),
                a.locale(), a.content(), a.provider(), Rows.ts(a.at()), AttemptStatus.SENDING.wire(),
                AttemptStatus.SENDING.rank()})).toList();
        return sql.preparedQuery(INSERT).executeBatch(rows).map(Attempts::ids);
    }

    /** Moves each attempt forward to the given status if that is a step forward; returns the changes made. */
    public static Future<List<StatusChange>> advance(SqlClient sql, List<Change> changes, Instant now) {
        return advance(sql, changes, now, SettledBy.NONE, Set.of());
    }

    /**
     * The outcome a final status settles an attempt with, by channel and status: a grouped advance writes it with
     * the status, rather than in a second update of the same rows.
     */
    public record SettledBy(String[] channels, String[] statuses, String[] outcomes) {
        public static final SettledBy NONE = new SettledBy(new String[0], new String[0], new String[0]);
    }

    /**
     * Moves attempts forward to the statuses given (never back); in a group, an attempt reaching a status that
     * settles it gets that outcome too, unless it has one or is among those that do not settle (they run again).
     */
    public static Future<List<StatusChange>> advance(SqlClient sql, List<Change> changes, Instant now,
                                                     SettledBy settledBy, Set<UUID> notSettling) {
        if (changes.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        if (changes.size() > 1 && Unnest.distinct(changes, Change::attemptId)) {
            Tuple rows = Unnest.arrays(changes, col(UUID.class, Change::attemptId),
                    col(String.class, c -> c.status().wire()), col(Integer.class, c -> c.status().rank()),
                    col(String.class, Change::providerRef), col(String.class, Change::errorCode),
                    col(String.class, Change::errorMessage),
                    col(String.class, c -> c.outcome() == null ? null : c.outcome().wire()));
            rows.addValue(Rows.ts(now));
            rows.addValue(settledBy.channels()).addValue(settledBy.statuses()).addValue(settledBy.outcomes())
                    .addValue(changes.stream().map(c -> !notSettling.contains(c.attemptId())).toArray(Boolean[]::new));
            Map<UUID, Integer> order = new java.util.HashMap<>();
            changes.forEach(c -> order.put(c.attemptId(), order.size()));
            // in the order given, as row-by-row statements would answer
            return sql.preparedQuery(ADVANCE_ALL).execute(rows).map(result -> changes(result).stream()
                    .sorted(java.util.Comparator.comparing(c -> order.get(c.attemptId()))).toList());
        }
        List<Tuple> rows = changes.stream().map(c -> Tuple.from(new Object[]{c.attemptId(), c.status().wire(),
                c.status().rank(), c.providerRef(), c.errorCode(), c.errorMessage(), Rows.ts(now),
                c.outcome() == null ? null : c.outcome().wire()})).toList();
        return sql.preparedQuery(ADVANCE).executeBatch(rows).map(Attempts::changes);
    }

    /** A status an attempt may move forward to, with what the provider said and, when known, the outcome. */
    public record Change(UUID attemptId, AttemptStatus status, String providerRef, String errorCode,
                         String errorMessage, AttemptOutcome outcome) {
    }

    /** Records the outcome each attempt settled with, unless it has one already. */
    public static Future<Void> settled(SqlClient sql, Map<UUID, AttemptOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Future.succeededFuture();
        }
        if (outcomes.size() > 1) {
            List<Map.Entry<UUID, AttemptOutcome>> rows = List.copyOf(outcomes.entrySet());
            return sql.preparedQuery(SETTLED_ALL).execute(Unnest.arrays(rows, col(UUID.class, Map.Entry::getKey),
                    col(String.class, e -> e.getValue().wire()))).mapEmpty();
        }
        List<Tuple> rows = outcomes.entrySet().stream().map(e -> Tuple.of(e.getKey(), e.getValue().wire())).toList();
        return sql.preparedQuery(SETTLED).executeBatch(rows).mapEmpty();
    }

    /** Attempts still SENDING when they should long have had an answer: their outcome is now unknown. */
    public static Future<List<StatusChange>> markUnknown(SqlClient sql, List<UUID> ids, Instant now, String why) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return sql.preparedQuery(MARK_UNKNOWN).execute(Tuple.of(ids.toArray(UUID[]::new), Rows.ts(now), why,
                        AttemptStatus.UNKNOWN.wire(), AttemptStatus.SENDING.wire()))
                .map(Attempts::changes);
    }

    public static Future<List<UUID>> staleSending(SqlClient sql, Instant olderThan, int limit) {
        return sql.preparedQuery(STALE_SENDING).execute(Tuple.of(Rows.ts(olderThan), limit, AttemptStatus.SENDING.wire())).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(r.getUUID(0)));
            return ids;
        });
    }

    /** An attempt whose provider answer never came: whom it went to, when it was made, what it said. */
    public record InDoubt(UUID id, Channel channel, String contactAddress, Instant createdAt,
                          io.vertx.core.json.JsonObject content) {
    }

    /**
     * Attempts of these channels in this status (SENDING or UNKNOWN), not settled, unchanged since before the given
     * time, oldest first.
     */
    public static Future<List<InDoubt>> inDoubt(SqlClient sql, AttemptStatus status, Instant unchangedSince,
                                                 List<Channel> channels, int limit) {
        if (channels.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return sql.preparedQuery(IN_DOUBT).execute(Tuple.of(status.wire(), Rows.ts(unchangedSince),
                channels.stream().map(Channel::wire).toArray(String[]::new), limit)).map(rows -> {
                    List<InDoubt> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new InDoubt(r.getUUID("id"), Channel.parse(r.getString("channel")),
                                r.getString("contact_address"), Rows.instant(r.getOffsetDateTime("created_at")),
                                r.getJsonObject("content")));
                    }
                    return out;
                });
    }

    public static Future<Long> unknownCount(SqlClient sql) {
        return sql.preparedQuery(COUNT_UNKNOWN).execute(Tuple.of(AttemptStatus.UNKNOWN.wire())).map(rows -> rows.iterator().next().getLong(0));
    }

    private static Set<UUID> ids(RowSet<Row> first) {
        Set<UUID> ids = new HashSet<>();
        for (RowSet<Row> rs = first; rs != null; rs = rs.next()) {
            rs.forEach(r -> ids.add(r.getUUID(0)));
        }
        return ids;
    }

    private static List<StatusChange> changes(RowSet<Row> first) {
        List<StatusChange> out = new ArrayList<>();
        for (RowSet<Row> rs = first; rs != null; rs = rs.next()) {
            for (Row r : rs) {
                out.add(new StatusChange(r.getUUID("id"), r.getUUID("enrollment_id"), r.getString("case_id"),
                        Channel.parse(r.getString("channel")), AttemptStatus.parse(r.getString("status")),
                        r.getString("provider_ref"), r.getString("error_code"), r.getString("error_message"),
                        Optional.ofNullable(r.getString("outcome")).map(AttemptOutcome::of)));
            }
        }
        return out;
    }
}
