package io.parley.store;

import io.parley.domain.ContactPoint;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.parley.store.Unnest.col;

/**
 * Many enrollments written together (bulk enrolment): each kind of row in one statement over arrays (unnest), in an
 * order (debtors by id) that concurrent batches share, inside the caller's transaction; so each table's statement
 * triggers (the analytics marks of V15) run once for the batch, not once per enrollment. Rows that would change the
 * same debtor or contact point twice (a debtor with two cases in the batch) go row by row, with the statements of
 * {@link Enrollments}, as one statement cannot change a row twice.
 */
public final class EnrollmentBatches {
    private static final String OPEN = """
            SELECT case_id, sequence_name FROM enrollment WHERE case_id = ANY($1) AND status = ANY($2)""";
    private static final String CEASED = """
            SELECT id FROM debtor WHERE id = ANY($1) AND COALESCE((preferences->>'ceaseAll')::boolean, false)""";

    // the debtor upsert of Enrollments over arrays: preferences are replaced only for the debtors whose request
    // states them ($8, their ids), and a cease once given stays
    private static final String UPSERT_DEBTORS = """
            INSERT INTO debtor (id, name, locale, time_zone, address, updated_at, preferences)
            SELECT u.id, u.name, u.locale, u.time_zone, u.address::jsonb, u.updated_at,
                   COALESCE(u.preferences::jsonb, '{}'::jsonb)
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])
                 AS u(id, name, locale, time_zone, address, updated_at, preferences)
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, locale = EXCLUDED.locale,
                time_zone = EXCLUDED.time_zone, address = EXCLUDED.address, updated_at = EXCLUDED.updated_at,
                preferences = CASE WHEN EXCLUDED.id <> ALL ($8::text[]) THEN debtor.preferences
                    ELSE jsonb_set(EXCLUDED.preferences, '{ceaseAll}', to_jsonb(
                        COALESCE((debtor.preferences->>'ceaseAll')::boolean, false)
                        OR COALESCE((EXCLUDED.preferences->>'ceaseAll')::boolean, false))) END""";
    private static final String UPSERT_CONTACTS = """
            INSERT INTO contact_point (debtor_id, channel, address, type, consent, updated_at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::timestamptz[])
            ON CONFLICT (debtor_id, channel, address) DO UPDATE SET type = EXCLUDED.type,
                consent = EXCLUDED.consent, updated_at = EXCLUDED.updated_at""";
    // rule packs go as a JSON array per enrollment (unnest would flatten an array of arrays)
    private static final String INSERT_ENROLLMENTS = """
            INSERT INTO enrollment (id, case_id, debtor_id, sequence_name, sequence_version, status, started_at,
                                    time_zone, account, variables, created_at, updated_at, policy_packs, experiment,
                                    variant)
            SELECT u.id, u.case_id, u.debtor_id, u.sequence_name, u.sequence_version, $13, u.started_at, u.time_zone,
                   u.account::jsonb, u.variables::jsonb, u.created_at, u.created_at,
                   CASE WHEN u.packs = '[]' THEN '{}'::text[]
                        ELSE ARRAY(SELECT jsonb_array_elements_text(u.packs::jsonb)) END,
                   u.experiment, u.variant
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::text[],
                        $8::text[], $9::text[], $10::timestamptz[], $11::text[], $12::text[], $14::text[])
                 AS u(id, case_id, debtor_id, sequence_name, sequence_version, started_at, time_zone, account,
                      variables, created_at, packs, experiment, variant)""";
    private static final String INSERT_DUE_STEPS = """
            INSERT INTO due_step (enrollment_id, run_no, step_id, retry, phase, due_at)
            SELECT u.id, 1, u.step_id, 0, 'run', u.due_at FROM unnest($1::uuid[], $2::text[], $3::timestamptz[])
                 AS u(id, step_id, due_at)""";

    private EnrollmentBatches() {
    }

    /** The (case, sequence) pairs of these cases that have an open enrollment, as "case\u0000sequence". */
    public static Future<Set<String>> open(SqlClient sql, List<String> caseIds) {
        return sql.preparedQuery(OPEN).execute(Tuple.of(caseIds.toArray(String[]::new),
                (Object) EnrollmentStatus.wires(EnrollmentStatus.OPEN))).map(rows -> {
                    Set<String> out = new HashSet<>();
                    for (Row r : rows) {
                        out.add(r.getString(0) + '\u0000' + r.getString(1));
                    }
                    return out;
                });
    }

    /** Those of these debtors who asked for no contact at all. */
    public static Future<Set<String>> ceased(SqlClient sql, List<String> debtorIds) {
        return sql.preparedQuery(CEASED).execute(Tuple.of((Object) debtorIds.toArray(String[]::new))).map(rows -> {
            Set<String> out = new HashSet<>();
            rows.forEach(r -> out.add(r.getString(0)));
            return out;
        });
    }

    /** Creates the enrollments, their debtors and contact points (upserted), and their first due steps. */
    public static Future<Void> create(SqlClient sql, List<NewEnrollment> enrollments) {
        if (enrollments.isEmpty()) {
            return Future.succeededFuture();
        }
        List<NewEnrollment> byDebtor = enrollments.stream()
                .sorted(Comparator.comparing((NewEnrollment e) -> e.debtor().id())).toList();
        return debtors(sql, byDebtor)
                .compose(v -> contacts(sql, byDebtor))
                .compose(v -> sql.preparedQuery(INSERT_ENROLLMENTS).execute(enrollmentArrays(enrollments)))
                .compose(v -> sql.preparedQuery(INSERT_DUE_STEPS).execute(Unnest.arrays(enrollments,
                        col(UUID.class, NewEnrollment::id), col(String.class, NewEnrollment::firstStepId),
                        col(OffsetDateTime.class, e -> Rows.ts(e.firstDueAt())))))
                .mapEmpty();
    }

    private static Future<Void> debtors(SqlClient sql, List<NewEnrollment> byDebtor) {
        if (!Unnest.distinct(byDebtor, e -> e.debtor().id())) {
            return DueSteps.batch(sql, Enrollments.UPSERT_DEBTOR, byDebtor.stream().map(Enrollments::debtorRow).toList());
        }
        Tuple rows = Unnest.arrays(byDebtor, col(String.class, e -> e.debtor().id()),
                col(String.class, e -> e.debtor().name()), col(String.class, e -> e.debtor().locale()),
                col(String.class, e -> e.debtor().timeZone() == null ? null : e.debtor().timeZone().getId()),
                col(String.class, e -> Rows.address(e.debtor().address()).encode()),
                col(OffsetDateTime.class, e -> Rows.ts(e.createdAt())),
                col(String.class, e -> e.preferences() == null ? null : Rows.preferences(e.preferences()).encode()));
        rows.addValue(byDebtor.stream().filter(e -> e.preferences() != null).map(e -> e.debtor().id())
                .toArray(String[]::new));
        return sql.preparedQuery(UPSERT_DEBTORS).execute(rows).mapEmpty();
    }

    /** A debtor's contact point as the batch upserts it. */
    private record Contact(NewEnrollment enrollment, ContactPoint point) {
        String key() {
            return enrollment.debtor().id() + '\u0000' + point.channel().wire() + '\u0000' + point.address();
        }
    }

    private static Future<Void> contacts(SqlClient sql, List<NewEnrollment> byDebtor) {
        List<Contact> rows = new ArrayList<>();
        byDebtor.forEach(e -> e.debtor().contactPoints().forEach(c -> rows.add(new Contact(e, c))));
        if (rows.isEmpty()) {
            return Future.succeededFuture();
        }
        if (!Unnest.distinct(rows, Contact::key)) {
            return DueSteps.batch(sql, Enrollments.UPSERT_CONTACT, byDebtor.stream()
                    .flatMap(e -> Enrollments.contactRows(e).stream()).toList());
        }
        return sql.preparedQuery(UPSERT_CONTACTS).execute(Unnest.arrays(rows,
                col(String.class, c -> c.enrollment().debtor().id()), col(String.class, c -> c.point().channel().wire()),
                col(String.class, c -> c.point().address()), col(String.class, c -> c.point().type().wire()),
                col(Boolean.class, c -> c.point().consent()),
                col(OffsetDateTime.class, c -> Rows.ts(c.enrollment().createdAt())))).mapEmpty();
    }

    private static Tuple enrollmentArrays(List<NewEnrollment> rows) {
        Tuple arrays = Unnest.arrays(rows, col(UUID.class, NewEnrollment::id), col(String.class, NewEnrollment::caseId),
                col(String.class, e -> e.debtor().id()), col(String.class, NewEnrollment::sequenceName),
                col(Integer.class, NewEnrollment::sequenceVersion),
                col(OffsetDateTime.class, e -> Rows.ts(e.startedAt())), col(String.class, e -> e.zone().getId()),
                col(String.class, e -> Rows.account(e.account()).encode()),
                col(String.class, e -> e.variables().encode()), col(OffsetDateTime.class, e -> Rows.ts(e.createdAt())),
                col(String.class, e -> new JsonArray(List.copyOf(e.policyPacks())).encode()),
                col(String.class, NewEnrollment::experiment));
        return arrays.addValue(EnrollmentStatus.ACTIVE.wire())
                .addValue(rows.stream().map(NewEnrollment::variant).toArray(String[]::new));
    }
}
