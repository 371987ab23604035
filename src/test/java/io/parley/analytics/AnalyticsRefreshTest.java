package io.parley.analytics;

import io.parley.store.AnalyticsPending;
import io.parley.store.DatabaseTarget;
import io.parley.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.parley.testing.ServiceHarness.get;
import static io.parley.testing.ServiceHarness.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The analytics rows kept off the write path (V15 triggers mark, {@link AnalyticsPending} recomputes): a write
 * committed while a refresh is running is not lost (its mark is newer than the one the refresh read, or held by the
 * writer: it stays), an outcome and the attempt or enrollment it belongs to written by
 * two transactions at once are counted once on the right step of the right enrollment, and the refresher drains the
 * marks on its own.
 */
class AnalyticsRefreshTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        DatabaseTarget database = TestPostgres.migratedDatabase();
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
    void aWriteCommittedWhileItsEnrollmentIsBeingRefreshedIsRefreshedAgain() {
        UUID enrollment = get(enroll(pool, "mark-1", T0));
        get(AnalyticsPending.refresh(pool, 1000, true));
        get(attempt(pool, enrollment, "mark-1", "s1", T0.plusSeconds(60)));
        SqlConnection blocker = get(pool.getConnection());
        try {
            // holds the refresh after it read the marks: recomputing the enrollment's rows waits for this lock
            Transaction hold = get(blocker.begin());
            get(blocker.query("SELECT 1 FROM analytics_enrollment WHERE enrollment_id = '" + enrollment
                    + "' FOR UPDATE").execute());
            Future<Integer> refresh = AnalyticsPending.refresh(pool, 1000, true);
            sleep(300);
            assertFalse(refresh.isComplete(), "the refresh waits for the rows being held");
            // a second attempt marks the enrollment again and commits, before the refresh clears the mark it read
            get(attempt(pool, enrollment, "mark-1", "s2", T0.plusSeconds(120)));
            get(hold.rollback());
            get(refresh);
        } finally {
            blocker.close();
        }
        assertEquals(1L, markedEnrollment(enrollment), "the new mark stays for the next refresh");
        get(AnalyticsPending.refresh(pool, 1000, true));
        assertEquals(2L, attempts(enrollment));
        assertEquals(0L, markedEnrollment(enrollment));
    }

    @Test
    void aRefreshDoesNotWaitForAWriterMarkingAgainAndLeavesItsMark() {
        UUID enrollment = get(enroll(pool, "mark-2", T0));
        get(attempt(pool, enrollment, "mark-2", "s1", T0.plusSeconds(60)));
        SqlConnection writer = get(pool.getConnection());
        try {
            // the second attempt marks the enrollment anew, not yet committed: the refresh reads the old mark,
            // recomputes without the second attempt, and leaves the mark the writer holds
            Transaction tx = get(writer.begin());
            get(attempt(writer, enrollment, "mark-2", "s2", T0.plusSeconds(120)));
            get(AnalyticsPending.refresh(pool, 1000, true));
            assertEquals(1L, attempts(enrollment));
            get(tx.commit());
        } finally {
            writer.close();
        }
        assertEquals(1L, markedEnrollment(enrollment), "the writer's mark stays");
        get(AnalyticsPending.refresh(pool, 1000, true));
        assertEquals(2L, attempts(enrollment));
        assertEquals(0L, markedEnrollment(enrollment));
    }

    @Test
    void aReplyCommittedWhileItsAttemptIsBeingWrittenEndsOnThatAttemptsStep() {
        UUID enrollment = get(enroll(pool, "race-1", T0));
        SqlConnection first = get(pool.getConnection());
        SqlConnection second = get(pool.getConnection());
        try {
            Transaction attemptTx = get(first.begin());
            get(attempt(first, enrollment, "race-1", "s1", T0.plusSeconds(3600)));
            get(reply(second, "race-1", T0.plusSeconds(7200)));
            // a refresh between the two commits sees the reply before any attempt
            get(AnalyticsPending.refresh(pool, 1000, true));
            assertEquals("none:0:1", steps(enrollment));
            get(attemptTx.commit());
        } finally {
            first.close();
            second.close();
        }
        get(AnalyticsPending.refresh(pool, 1000, true));
        assertEquals("s1:0:1 s1:1:0", steps(enrollment));
        assertEquals(1L, number("SELECT replies FROM analytics_enrollment WHERE enrollment_id = '" + enrollment + "'"));
    }

    @Test
    void aReplyCommittedWhileANewEnrollmentStartsGoesToTheNewEnrollment() {
        UUID earlier = get(enroll(pool, "race-2", T0));
        SqlConnection first = get(pool.getConnection());
        SqlConnection second = get(pool.getConnection());
        UUID later;
        try {
            Transaction enrollTx = get(first.begin());
            later = get(enroll(first, "race-2", T0.plusSeconds(86400)));
            // the reply does not see the new enrollment: it marks the case, resolved once both are committed
            Future<Void> reply = reply(second, "race-2", T0.plusSeconds(86400 + 60));
            sleep(300);
            get(enrollTx.commit());
            get(reply);
        } finally {
            first.close();
            second.close();
        }
        get(AnalyticsPending.refresh(pool, 1000, true));
        assertEquals(0L, number("SELECT replies FROM analytics_enrollment WHERE enrollment_id = '" + earlier + "'"));
        assertEquals(1L, number("SELECT replies FROM analytics_enrollment WHERE enrollment_id = '" + later + "'"));
    }

    @Test
    void theRefresherDrainsTheMarksOnItsOwnAndInstancesTakeTurns() {
        UUID enrollment = get(enroll(pool, "drain-1", T0));
        get(attempt(pool, enrollment, "drain-1", "s1", T0.plusSeconds(60)));
        SqlConnection replier = get(pool.getConnection());
        try {
            get(reply(replier, "drain-1", T0.plusSeconds(120)));
        } finally {
            replier.close();
        }
        AnalyticsRefresher refresher = new AnalyticsRefresher(pool,
                new AnalyticsRefresher.Settings(Duration.ofMillis(100), 2));
        // another instance's refresh under way: this one skips its round
        SqlConnection other = get(pool.getConnection());
        try {
            Transaction tx = get(other.begin());
            get(other.query("SELECT pg_advisory_xact_lock(15015, 1)").execute());
            assertEquals(-1, get(refresher.runOnce()));
            get(tx.rollback());
        } finally {
            other.close();
        }
        String deployment = get(vertx.deployVerticle(refresher));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (pending() > 0 && System.nanoTime() < deadline) {
                sleep(50);
            }
            assertEquals(0L, pending(), "every mark drained, in rounds of 2");
            assertEquals("s1:0:1 s1:1:0", steps(enrollment));
        } finally {
            get(vertx.undeploy(deployment));
        }
    }

    @Test
    void writesMarkWhatTheyTouchedAndNothingElse() {
        UUID enrollment = get(enroll(pool, "marks-1", T0));
        assertEquals(1L, number("SELECT count(*) FROM analytics_pending_case WHERE case_id = 'marks-1'"));
        get(AnalyticsPending.refresh(pool, 1000, true));
        SqlConnection writer = get(pool.getConnection());
        try {
            // a timeline entry that is no outcome, and a decision that allowed, mark nothing
            get(writer.query("INSERT INTO timeline (case_id, seq, at, kind, data) VALUES ('marks-1', 1, now(), "
                    + "'enrollment.created', '{}')").execute());
            get(writer.query("INSERT INTO decision (enrollment_id, case_id, run_no, step_id, channel, outcome, rule, "
                    + "reasons, decided_at) VALUES ('" + enrollment + "', 'marks-1', 1, 's1', 'sms', 'allow', 'r', "
                    + "'[]', now())").execute());
            assertEquals(0L, pending());
            // two attempts in one statement mark their enrollment once; a reply marks its case
            get(writer.query("INSERT INTO attempt (id, enrollment_id, run_no, case_id, debtor_id, step_id, channel, "
                    + "contact_address, contact_type, template, locale, content, status, status_rank, provider, "
                    + "created_at, updated_at) SELECT gen_random_uuid(), '" + enrollment + "', n, 'marks-1', "
                    + "'race-debtor', 's1', 'sms', '+15550000', 'mobile', 't', 'en-US', '{}', 'delivered', 3, 'test', "
                    + "now(), now() FROM generate_series(1, 2) n").execute());
            assertEquals(1L, markedEnrollment(enrollment));
            get(reply(writer, "marks-1", T0.plusSeconds(60)));
            assertEquals(1L, number("SELECT count(*) FROM analytics_pending_case WHERE case_id = 'marks-1'"));
        } finally {
            writer.close();
        }
        get(AnalyticsPending.refresh(pool, 1000, true));
        assertEquals(0L, pending());
        assertEquals(2L, attempts(enrollment));
        // an update of a time stamp or a provider reference marks nothing; a counted change, made to both attempts
        // in one statement, marks their enrollment once
        get(pool.query("UPDATE attempt SET updated_at = now(), provider_ref = 'SM-marks' WHERE case_id = 'marks-1'")
                .execute());
        assertEquals(0L, pending());
        get(pool.query("UPDATE attempt SET status = 'failed', outcome = 'failed' WHERE case_id = 'marks-1'").execute());
        assertEquals(1L, pending());
        assertEquals(1L, markedEnrollment(enrollment));
        get(AnalyticsPending.refresh(pool, 1000, true));
        assertEquals(0L, pending());
        assertEquals(0L, number("SELECT delivered FROM analytics_enrollment WHERE enrollment_id = '" + enrollment + "'"));
    }

    private static long pending() {
        return number("SELECT (SELECT count(*) FROM analytics_pending)"
                + " + (SELECT count(*) FROM analytics_pending_case)");
    }

    private static long markedEnrollment(UUID enrollment) {
        return number("SELECT count(*) FROM analytics_pending WHERE enrollment_id = '" + enrollment + "'");
    }

    private static long attempts(UUID enrollment) {
        return number("SELECT attempts FROM analytics_enrollment WHERE enrollment_id = '" + enrollment + "'");
    }

    private static Future<UUID> enroll(SqlClient sql, String caseId, Instant start) {
        UUID id = UUID.randomUUID();
        return sql.preparedQuery("""
                INSERT INTO enrollment (id, case_id, debtor_id, sequence_name, sequence_version, status, started_at,
                    time_zone, account, variables, created_at, updated_at)
                VALUES ($1, $2, 'race-debtor', 'race', 1, 'completed', $3, 'UTC', '{}', '{}', $3, $3)""")
                .execute(Tuple.of(id, caseId, ts(start))).map(id);
    }

    private static Future<Void> attempt(SqlClient sql, UUID enrollment, String caseId, String step, Instant at) {
        return sql.preparedQuery("""
                INSERT INTO attempt (id, enrollment_id, run_no, case_id, debtor_id, step_id, channel,
                    contact_address, contact_type, template, locale, content, status, status_rank, provider,
                    outcome, created_at, updated_at)
                VALUES ($1, $2, (SELECT count(*) + 1 FROM attempt WHERE enrollment_id = $2), $3, 'race-debtor', $4,
                    'sms', '+15550000', 'mobile', 't', 'en-US',
                    '{}', 'delivered', 3, 'test', NULL, $5, $5)""")
                .execute(Tuple.of(UUID.randomUUID(), enrollment, caseId, step, ts(at))).mapEmpty();
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
