package io.parley.store;

import io.parley.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.parley.testing.ServiceHarness.get;
import static io.parley.testing.ServiceHarness.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The analytics rows kept by the V15 triggers when two transactions write about the same case at once: a reply
 * committed while the attempt (or the enrollment) it is credited to is still being written is counted exactly once,
 * on the right step of the right enrollment.
 */
class AnalyticsRollupRaceTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        DatabaseTarget database = TestPostgres.newDatabase();
        Migrations.migrate(database);
        pool = PgBuilder.pool().connectingTo(database.connectOptions()).with(new PoolOptions().setMaxSize(4))
                .using(vertx).build();
        get(pool.query("""
                INSERT INTO debtor (id, name, locale, address, updated_at) VALUES ('race-debtor', 'R', 'en-US', '{}',
                    now());
                INSERT INTO sequence_version (name, version, checksum, source, definition, loaded_at)
                VALUES ('race', 1, 'a', 'test', '{}', now())""").execute());
    }

    @AfterAll
    static void stop() {
        get(pool.close());
        get(vertx.close());
    }

    @Test
    void aReplyWrittenWhileItsAttemptIsBeingWrittenGoesToThatAttemptsStep() {
        UUID enrollment = get(enroll(pool, "race-1", T0));
        SqlConnection first = get(pool.getConnection());
        SqlConnection second = get(pool.getConnection());
        try {
            Transaction attemptTx = get(first.begin());
            get(first.preparedQuery("""
                    INSERT INTO attempt (id, enrollment_id, run_no, case_id, debtor_id, step_id, channel,
                        contact_address, contact_type, template, locale, content, status, status_rank, provider,
                        outcome, created_at, updated_at)
                    VALUES ($1, $2, 1, 'race-1', 'race-debtor', 's1', 'sms', '+15550000', 'mobile', 't', 'en-US',
                        '{}', 'delivered', 3, 'test', NULL, $3, $3)""")
                    .execute(Tuple.of(UUID.randomUUID(), enrollment, ts(T0.plusSeconds(3600)))));
            Future<Void> reply = reply(second, "race-1", T0.plusSeconds(7200));
            sleep(300);
            assertFalse(reply.isComplete(), "the reply waits for the attempt's transaction");
            get(attemptTx.commit());
            get(reply);
        } finally {
            first.close();
            second.close();
        }
        // the attempt's row and the reply credited to its step (not to "before any attempt")
        assertEquals("s1:0:1 s1:1:0", steps(enrollment));
        assertEquals(1L, number("SELECT replies FROM analytics_enrollment WHERE enrollment_id = '" + enrollment + "'"));
    }

    @Test
    void aReplyWrittenWhileANewEnrollmentStartsGoesToTheNewEnrollment() {
        UUID earlier = get(enroll(pool, "race-2", T0));
        SqlConnection first = get(pool.getConnection());
        SqlConnection second = get(pool.getConnection());
        UUID later;
        try {
            Transaction enrollTx = get(first.begin());
            later = get(enroll(first, "race-2", T0.plusSeconds(86400)));
            Future<Void> reply = reply(second, "race-2", T0.plusSeconds(86400 + 60));
            sleep(300);
            get(enrollTx.commit());
            get(reply);
        } finally {
            first.close();
            second.close();
        }
        assertEquals(0L, number("SELECT replies FROM analytics_enrollment WHERE enrollment_id = '" + earlier + "'"));
        assertEquals(1L, number("SELECT replies FROM analytics_enrollment WHERE enrollment_id = '" + later + "'"));
    }

    private static Future<UUID> enroll(io.vertx.sqlclient.SqlClient sql, String caseId, Instant start) {
        UUID id = UUID.randomUUID();
        return sql.preparedQuery("""
                INSERT INTO enrollment (id, case_id, debtor_id, sequence_name, sequence_version, status, started_at,
                    time_zone, account, variables, created_at, updated_at)
                VALUES ($1, $2, 'race-debtor', 'race', 1, 'completed', $3, 'UTC', '{}', '{}', $3, $3)""")
                .execute(Tuple.of(id, caseId, ts(start))).map(id);
    }

    /** A reply in a transaction of its own on this connection. */
    private static Future<Void> reply(SqlConnection conn, String caseId, Instant at) {
        return conn.begin().compose(tx -> conn.preparedQuery("""
                        INSERT INTO timeline (case_id, seq, at, kind, data)
                        VALUES ($1, (SELECT count(*) + 1 FROM timeline WHERE case_id = $1), $2, 'reply.received',
                            '{}')""").execute(Tuple.of(caseId, ts(at)))
                .compose(rows -> tx.commit()));
    }

    /** The enrollment's analytics_step rows as "step:attempts:replies", in order. */
    private static String steps(UUID enrollment) {
        return get(pool.query("SELECT string_agg(coalesce(step_id, 'none') || ':' || attempts || ':' || replies, ' ' "
                + "ORDER BY step_id, attempts, replies) AS s FROM analytics_step WHERE enrollment_id = '" + enrollment
                + "'").execute().map(r -> r.iterator().next().getString("s")));
    }

    private static long number(String sql) {
        return get(pool.query(sql).execute().map(r -> r.iterator().next().getLong(0)));
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
