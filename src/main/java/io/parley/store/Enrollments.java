package io.parley.store;

import io.parley.domain.ContactPoint;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Enrollments and the debtor records they carry in. */
public final class Enrollments {
    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final String STOPPED = "stopped";

    // preferences are replaced only when the request states them ($7 null = keep), and a cease once given stays
    private static final String UPSERT_DEBTOR = """
            INSERT INTO debtor (id, name, locale, time_zone, address, updated_at, preferences)
            VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::jsonb, '{}'::jsonb))
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, locale = EXCLUDED.locale,
                time_zone = EXCLUDED.time_zone, address = EXCLUDED.address, updated_at = EXCLUDED.updated_at,
                preferences = CASE WHEN $7::jsonb IS NULL THEN debtor.preferences
                    ELSE jsonb_set($7::jsonb, '{ceaseAll}', to_jsonb(COALESCE((debtor.preferences->>'ceaseAll')::boolean, false)
                        OR COALESCE(($7::jsonb->>'ceaseAll')::boolean, false))) END""";
    // a status the debtor or a provider set (opted out, invalid) is never reset by an enrollment
    private static final String UPSERT_CONTACT = """
            INSERT INTO contact_point (debtor_id, channel, address, type, consent, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (debtor_id, channel, address) DO UPDATE SET type = EXCLUDED.type,
                consent = EXCLUDED.consent, updated_at = EXCLUDED.updated_at""";
    private static final String INSERT = """
            INSERT INTO enrollment (id, case_id, debtor_id, sequence_name, sequence_version, status, started_at,
                                    time_zone, account, variables, created_at, updated_at, policy_packs)
            VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $8, $9, $10, $10, $11)""";
    private static final String SELECT = """
            SELECT e.id, e.case_id, e.debtor_id, e.sequence_name, e.sequence_version, e.status, e.status_reason,
                   e.started_at, e.time_zone, e.created_at, e.updated_at,
                   d.step_id, d.phase, d.due_at, d.runnable
            FROM enrollment e LEFT JOIN due_step d ON d.enrollment_id = e.id""";
    private static final String TRANSITION = """
            UPDATE enrollment SET status = $2, status_reason = $3, updated_at = $4
            WHERE id = $1 AND status = ANY($5) RETURNING id, case_id""";
    private static final String COMPLETE = """
            UPDATE enrollment SET status = 'completed', status_reason = 'sequence finished', updated_at = $2
            WHERE id = ANY($1) AND status IN ('active', 'paused')""";
    private static final String RUNNABLE = "UPDATE due_step SET runnable = $2 WHERE enrollment_id = $1";
    private static final String OPEN_FOR_CASE = """
            SELECT id, sequence_name, sequence_version, status FROM enrollment
            WHERE case_id = $1 AND status IN ('active', 'paused') ORDER BY created_at FOR UPDATE""";
    private static final String FACTS = """
            UPDATE enrollment SET promised = promised OR $2, replied = replied OR $3, updated_at = $4
            WHERE case_id = $1 AND status IN ('active', 'paused')""";

    private static final String CEASED = "SELECT (preferences->>'ceaseAll')::boolean FROM debtor WHERE id = $1";

    private Enrollments() {
    }

    /** Creates the enrollment; fails with {@link AlreadyEnrolled} when the case runs this sequence already. */
    public static Future<Void> create(SqlClient sql, NewEnrollment e) {
        Tuple debtor = Tuple.from(new Object[]{e.debtor().id(), e.debtor().name(), e.debtor().locale(),
                e.debtor().timeZone() == null ? null : e.debtor().timeZone().getId(),
                Rows.address(e.debtor().address()), Rows.ts(e.createdAt()),
                e.preferences() == null ? null : Rows.preferences(e.preferences())});
        List<Tuple> contacts = new ArrayList<>();
        for (ContactPoint c : e.debtor().contactPoints()) {
            contacts.add(Tuple.of(e.debtor().id(), c.channel().wire(), c.address(), c.type().wire(), c.consent(),
                    Rows.ts(e.createdAt())));
        }
        Tuple enrollment = Tuple.from(new Object[]{e.id(), e.caseId(), e.debtor().id(), e.sequenceName(),
                e.sequenceVersion(), Rows.ts(e.startedAt()), e.zone().getId(), Rows.account(e.account()),
                e.variables(), Rows.ts(e.createdAt()), e.policyPacks().toArray(String[]::new)});
        return sql.preparedQuery(UPSERT_DEBTOR).execute(debtor)
                .compose(v -> DueSteps.batch(sql, UPSERT_CONTACT, contacts))
                .compose(v -> sql.preparedQuery(INSERT).execute(enrollment))
                .recover(err -> Future.failedFuture(err instanceof PgException pg && "23505".equals(pg.getSqlState())
                        ? new AlreadyEnrolled(e.caseId(), e.sequenceName()) : err))
                .compose(v -> DueSteps.insertFirst(sql, e.id(), e.firstStepId(), e.firstDueAt()));
    }

    /** Whether the debtor asked for no contact at all (a stored cease request). */
    public static Future<Boolean> debtorCeased(SqlClient sql, String debtorId) {
        return sql.preparedQuery(CEASED).execute(Tuple.of(debtorId)).map(rows -> {
            if (rows.size() == 0) {
                return false;
            }
            Boolean ceased = rows.iterator().next().getBoolean(0);
            return Boolean.TRUE.equals(ceased);
        });
    }

    public static Future<Optional<JsonObject>> find(SqlClient sql, UUID id) {
        return sql.preparedQuery(SELECT + " WHERE e.id = $1").execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            return Optional.of(json(rows.iterator().next()));
        });
    }

    /** Moves an enrollment from one of the given statuses to another; empty when it was in none of them. */
    public static Future<Optional<String>> transition(SqlClient sql, UUID id, String to, String reason,
                                                      List<String> from, Instant now) {
        return sql.preparedQuery(TRANSITION).execute(Tuple.of(id, to, reason, Rows.ts(now), from.toArray(String[]::new)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.<String>empty());
                    }
                    String caseId = rows.iterator().next().getString("case_id");
                    Future<Void> queue = switch (to) {
                        case PAUSED -> setRunnable(sql, id, false);
                        case ACTIVE -> setRunnable(sql, id, true);
                        default -> DueSteps.delete(sql, List.of(id));
                    };
                    return queue.map(Optional.of(caseId));
                });
    }

    private static Future<Void> setRunnable(SqlClient sql, UUID id, boolean runnable) {
        return sql.preparedQuery(RUNNABLE).execute(Tuple.of(id, runnable)).mapEmpty();
    }

    public static Future<Void> complete(SqlClient sql, List<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return Future.succeededFuture();
        }
        return sql.preparedQuery(COMPLETE).execute(Tuple.of(ids.toArray(UUID[]::new), Rows.ts(now))).mapEmpty();
    }

    /** The case's open enrollments, locked for the caller's transaction: (id, sequence name, version, status). */
    public static Future<List<Row>> openForCase(SqlClient sql, String caseId) {
        return sql.preparedQuery(OPEN_FOR_CASE).execute(Tuple.of(caseId)).map(rows -> {
            List<Row> out = new ArrayList<>();
            rows.forEach(out::add);
            return out;
        });
    }

    /** Facts that skip conditions read: the debtor promised to pay, or replied. */
    public static Future<Void> noteFacts(SqlClient sql, String caseId, boolean promised, boolean replied, Instant now) {
        return sql.preparedQuery(FACTS).execute(Tuple.of(caseId, promised, replied, Rows.ts(now))).mapEmpty();
    }

    private static JsonObject json(Row r) {
        JsonObject next = r.getString("step_id") == null ? null : new JsonObject()
                .put("stepId", r.getString("step_id"))
                .put("phase", DueSteps.PHASE_AWAIT.equals(r.getString("phase")) ? "awaiting-outcome" : "due")
                .put("dueAt", Rows.instant(r.getOffsetDateTime("due_at")).toString());
        return new JsonObject()
                .put("id", r.getUUID("id").toString())
                .put("caseId", r.getString("case_id"))
                .put("debtorId", r.getString("debtor_id"))
                .put("sequence", r.getString("sequence_name"))
                .put("version", r.getInteger("sequence_version"))
                .put("status", r.getString("status"))
                .put("statusReason", r.getString("status_reason"))
                .put("startAt", Rows.instant(r.getOffsetDateTime("started_at")).toString())
                .put("timeZone", r.getString("time_zone"))
                .put("createdAt", Rows.instant(r.getOffsetDateTime("created_at")).toString())
                .put("updatedAt", Rows.instant(r.getOffsetDateTime("updated_at")).toString())
                .put("next", next);
    }

    /** The case already runs this sequence (active or paused). */
    public static final class AlreadyEnrolled extends RuntimeException {
        public AlreadyEnrolled(String caseId, String sequence) {
            super("case " + caseId + " already has an open enrollment in sequence " + sequence);
        }
    }
}
