package io.parley.store;

import io.parley.domain.CaseEventType;
import io.parley.domain.ContactPoint;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Enrollments and the debtor records they carry in. */
public final class Enrollments {
    // preferences are replaced only when the request states them ($7 null = keep), and a cease once given stays
    static final String UPSERT_DEBTOR = """
            INSERT INTO debtor (id, name, locale, time_zone, address, updated_at, preferences)
            VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::jsonb, '{}'::jsonb))
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, locale = EXCLUDED.locale,
                time_zone = EXCLUDED.time_zone, address = EXCLUDED.address, updated_at = EXCLUDED.updated_at,
                preferences = CASE WHEN $7::jsonb IS NULL THEN debtor.preferences
                    ELSE jsonb_set($7::jsonb, '{ceaseAll}', to_jsonb(COALESCE((debtor.preferences->>'ceaseAll')::boolean, false)
                        OR COALESCE(($7::jsonb->>'ceaseAll')::boolean, false))) END""";
    // a status the debtor or a provider set (opted out, invalid) is never reset by an enrollment
    static final String UPSERT_CONTACT = """
            INSERT INTO contact_point (debtor_id, channel, address, type, consent, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (debtor_id, channel, address) DO UPDATE SET type = EXCLUDED.type,
                consent = EXCLUDED.consent, updated_at = EXCLUDED.updated_at""";
    static final String INSERT = """
            INSERT INTO enrollment (id, case_id, debtor_id, sequence_name, sequence_version, status, started_at,
                                    time_zone, account, variables, created_at, updated_at, policy_packs, experiment,
                                    variant)
            VALUES ($1, $2, $3, $4, $5, $12, $6, $7, $8, $9, $10, $10, $11, $13, $14)""";
    private static final String SELECT = """
            SELECT e.id, e.case_id, e.debtor_id, e.sequence_name, e.sequence_version, e.status, e.status_reason,
                   e.started_at, e.time_zone, e.created_at, e.updated_at, e.experiment, e.variant,
                   d.step_id, d.phase, d.due_at, d.runnable
            FROM enrollment e LEFT JOIN due_step d ON d.enrollment_id = e.id""";
    private static final String TRANSITION = """
            UPDATE enrollment SET status = $2, status_reason = $3, updated_at = $4
            WHERE id = $1 AND status = ANY($5) RETURNING id, case_id""";
    private static final String COMPLETE = """
            UPDATE enrollment SET status = $3, status_reason = 'sequence finished', updated_at = $2
            WHERE id = ANY($1) AND status = ANY($4)""";
    private static final String RUNNABLE = "UPDATE due_step SET runnable = $2 WHERE enrollment_id = $1";
    private static final String OPEN_FOR_CASE = """
            SELECT id, sequence_name, sequence_version, variant, status FROM enrollment
            WHERE case_id = $1 AND status = ANY($2) ORDER BY created_at FOR UPDATE""";
    private static final String PAUSED_FOR = """
            SELECT id, sequence_name, sequence_version, variant, status FROM enrollment
            WHERE case_id = $1 AND status = $2 AND status_reason = $3""";
    private static final String CASE_ZONE =
            "SELECT time_zone FROM enrollment WHERE case_id = $1 ORDER BY created_at DESC LIMIT 1";
    private static final String FACTS = """
            UPDATE enrollment SET promised = promised OR $2, replied = replied OR $3, updated_at = $4
            WHERE case_id = $1 AND status = ANY($5)""";
    static final String CEASED = "SELECT (preferences->>'ceaseAll')::boolean FROM debtor WHERE id = $1";

    private Enrollments() {
    }

    /**
     * An open enrollment as case events see it: which sequence version (and experiment variant, null: none) it runs
     * and where it stands.
     */
    public record Open(UUID id, String sequenceName, int sequenceVersion, String variant, EnrollmentStatus status) {
    }

    /** Why enrollments stop or pause for a case event: the reason stored with their status. */
    public static String reason(CaseEventType event) {
        return "case event " + event.wire();
    }

    /** Creates the enrollment; fails with {@link AlreadyEnrolled} when the case runs this sequence already. */
    public static Future<Void> create(SqlClient sql, NewEnrollment e) {
        return sql.preparedQuery(UPSERT_DEBTOR).execute(debtorRow(e))
                .compose(v -> DueSteps.batch(sql, UPSERT_CONTACT, contactRows(e)))
                .compose(v -> sql.preparedQuery(INSERT).execute(enrollmentRow(e)))
                .recover(err -> Future.failedFuture(err instanceof PgException pg && "23505".equals(pg.getSqlState())
                        ? new AlreadyEnrolled(e.caseId(), e.sequenceName()) : err))
                .compose(v -> DueSteps.insertFirst(sql, e.id(), e.firstStepId(), e.firstDueAt()));
    }

    static Tuple debtorRow(NewEnrollment e) {
        return Tuple.from(new Object[]{e.debtor().id(), e.debtor().name(), e.debtor().locale(),
                e.debtor().timeZone() == null ? null : e.debtor().timeZone().getId(),
                Rows.address(e.debtor().address()), Rows.ts(e.createdAt()),
                e.preferences() == null ? null : Rows.preferences(e.preferences())});
    }

    static List<Tuple> contactRows(NewEnrollment e) {
        List<Tuple> contacts = new ArrayList<>();
        for (ContactPoint c : e.debtor().contactPoints()) {
            contacts.add(Tuple.of(e.debtor().id(), c.channel().wire(), c.address(), c.type().wire(), c.consent(),
                    Rows.ts(e.createdAt())));
        }
        return contacts;
    }

    static Tuple enrollmentRow(NewEnrollment e) {
        return Tuple.from(new Object[]{e.id(), e.caseId(), e.debtor().id(), e.sequenceName(),
                e.sequenceVersion(), Rows.ts(e.startedAt()), e.zone().getId(), Rows.account(e.account()),
                e.variables(), Rows.ts(e.createdAt()), e.policyPacks().toArray(String[]::new),
                EnrollmentStatus.ACTIVE.wire(), e.experiment(), e.variant()});
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
    public static Future<Optional<String>> transition(SqlClient sql, UUID id, EnrollmentStatus to, String reason,
                                                      List<EnrollmentStatus> from, Instant now) {
        return sql.preparedQuery(TRANSITION)
                .execute(Tuple.of(id, to.wire(), reason, Rows.ts(now), EnrollmentStatus.wires(from)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.<String>empty());
                    }
                    String caseId = rows.iterator().next().getString("case_id");
                    Future<Void> queue = switch (to) {
                        case PAUSED -> setRunnable(sql, id, false);
                        case ACTIVE -> setRunnable(sql, id, true);
                        case COMPLETED, CANCELLED, STOPPED -> DueSteps.delete(sql, List.of(id));
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
        return sql.preparedQuery(COMPLETE).execute(Tuple.of(ids.toArray(UUID[]::new), Rows.ts(now),
                EnrollmentStatus.COMPLETED.wire(), EnrollmentStatus.wires(EnrollmentStatus.OPEN))).mapEmpty();
    }

    /** The case's open enrollments, locked for the caller's transaction. */
    public static Future<List<Open>> openForCase(SqlClient sql, String caseId) {
        return sql.preparedQuery(OPEN_FOR_CASE)
                .execute(Tuple.of(caseId, (Object) EnrollmentStatus.wires(EnrollmentStatus.OPEN)))
                .map(Enrollments::open);
    }

    /** The case's enrollments paused for this case event and still waiting on it. */
    public static Future<List<Open>> pausedFor(SqlClient sql, String caseId, CaseEventType event) {
        return sql.preparedQuery(PAUSED_FOR).execute(Tuple.of(caseId, EnrollmentStatus.PAUSED.wire(), reason(event)))
                .map(Enrollments::open);
    }

    private static List<Open> open(RowSet<Row> rows) {
        List<Open> out = new ArrayList<>();
        rows.forEach(r -> out.add(new Open(r.getUUID("id"), r.getString("sequence_name"),
                r.getInteger("sequence_version"), r.getString("variant"), EnrollmentStatus.parse(r.getString("status")))));
        return out;
    }

    /** The zone of the case's latest enrollment; empty when it has none. */
    public static Future<Optional<ZoneId>> caseZone(SqlClient sql, String caseId) {
        return sql.preparedQuery(CASE_ZONE).execute(Tuple.of(caseId)).map(rows -> rows.size() == 0
                ? Optional.empty() : Optional.of(ZoneId.of(rows.iterator().next().getString(0))));
    }

    /** Facts that skip conditions read: the debtor promised to pay, or replied. */
    public static Future<Void> noteFacts(SqlClient sql, String caseId, boolean promised, boolean replied, Instant now) {
        return sql.preparedQuery(FACTS).execute(Tuple.of(caseId, promised, replied, Rows.ts(now),
                EnrollmentStatus.wires(EnrollmentStatus.OPEN))).mapEmpty();
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
                .put("experiment", r.getString("experiment"))
                .put("variant", r.getString("variant"))
                .put("next", next);
    }

    /** The case already runs this sequence (active or paused). */
    public static final class AlreadyEnrolled extends RuntimeException {
        public AlreadyEnrolled(String caseId, String sequence) {
            super("case " + caseId + " already has an open enrollment in sequence " + sequence);
        }
    }
}
