package io.parley.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Many enrollments written together (bulk enrolment): each kind of row in one batch of statements, in an order
 * (debtors by id) that concurrent batches share, inside the caller's transaction. The statements are those of
 * {@link Enrollments} and {@link DueSteps}.
 */
public final class EnrollmentBatches {
    private static final String OPEN = """
            SELECT case_id, sequence_name FROM enrollment WHERE case_id = ANY($1) AND status = ANY($2)""";
    private static final String CEASED = """
            SELECT id FROM debtor WHERE id = ANY($1) AND COALESCE((preferences->>'ceaseAll')::boolean, false)""";

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
        return DueSteps.batch(sql, Enrollments.UPSERT_DEBTOR, byDebtor.stream().map(Enrollments::debtorRow).toList())
                .compose(v -> DueSteps.batch(sql, Enrollments.UPSERT_CONTACT, byDebtor.stream()
                        .flatMap(e -> Enrollments.contactRows(e).stream()).toList()))
                .compose(v -> DueSteps.batch(sql, Enrollments.INSERT, enrollments.stream()
                        .map(Enrollments::enrollmentRow).toList()))
                .compose(v -> DueSteps.batch(sql, DueSteps.INSERT, enrollments.stream()
                        .map(e -> Tuple.of(e.id(), e.firstStepId(), Rows.ts(e.firstDueAt()))).toList()));
    }
}
