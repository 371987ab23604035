package io.parley.store;

import io.parley.domain.Channel;
import io.parley.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pieces of work sharing one transaction against a real database: one that fails is rolled back alone and the others
 * commit; a transaction left unusable never passes for committed. Also the grouped inbox statements, replies'
 * messages recorded many in one statement (each new one once, a redelivery in the same statement or recorded before
 * not new) and the locks of many cases taken together.
 */
class SavepointsTest {
    private static Vertx vertx;
    private static DatabaseTarget database;
    private static Pool pool;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        database = TestPostgres.migratedDatabase();
        pool = TestPostgres.pool(vertx, database);
    }

    @AfterAll
    static void stop() {
        get(pool.close());
        get(vertx.close());
    }

    private static Future<Boolean> store(io.vertx.sqlclient.SqlClient sql, String channel, String key, JsonObject p) {
        return InboundRequests.store(sql, Channel.of(channel), key, p, Instant.now(), Duration.ofSeconds(30));
    }

    private static long count(String where) {
        return TestPostgres.number(database, "SELECT count(*) FROM inbound_request WHERE " + where);
    }

    @Test
    void aPieceThatFailsIsRolledBackAloneAndTheOthersCommitTogether() {
        List<Future<Boolean>> pieces = get(Savepoints.run(pool, conn -> {
            List<Future<Boolean>> out = new ArrayList<>();
            Future<Void> chain = Future.succeededFuture();
            for (int i = 0; i < 5; i++) {
                int n = i;
                // the third piece writes its row, then fails on a row the database refuses (\u0000 in jsonb)
                chain = chain.compose(v -> Savepoints.isolated(conn, c -> store(c, "sp", "k" + n, new JsonObject())
                        .compose(ok -> n == 2 ? store(c, "sp", "bad", new JsonObject().put("x", "\u0000"))
                                : Future.succeededFuture(ok))).map(done -> {
                    out.add(done);
                    return null;
                }));
            }
            return chain.map(out);
        }));
        assertEquals(5, pieces.size());
        assertTrue(pieces.get(2).failed());
        assertEquals(4, pieces.stream().filter(Future::succeeded).count());
        assertEquals(4, count("channel = 'sp'"), "the failed piece's own first row went with it");
        assertEquals(0, count("channel = 'sp' AND dedupe_key IN ('k2', 'bad')"));
    }

    @Test
    void aTransactionLeftUnusableIsNotTakenForCommitted() {
        Future<Object> run = Savepoints.run(pool, conn -> store(conn, "sp-broken", "a", new JsonObject())
                .compose(ok -> store(conn, "sp-broken", "bad", new JsonObject().put("x", "\u0000")))
                .otherwise(e -> false).map(x -> null));
        assertThrows(AssertionError.class, () -> get(run));
        assertEquals(0, count("channel = 'sp-broken'"));
    }

    @Test
    void manyRequestsAreStoredInOneStatementOnceEachAndEndedInOne() {
        Instant now = Instant.now();
        List<InboundRequests.Raw> raws = List.of(new InboundRequests.Raw("m1", new JsonObject().put("b", "one"), now),
                new InboundRequests.Raw("m2", new JsonObject().put("b", "two"), now),
                new InboundRequests.Raw("m1", new JsonObject().put("b", "one"), now));
        Set<String> fresh = get(InboundRequests.storeAll(pool, Channel.of("grouped"), raws, Duration.ofSeconds(30)));
        assertEquals(Set.of("m1", "m2"), fresh);
        assertEquals(Set.of("m2x"), get(InboundRequests.storeAll(pool, Channel.of("grouped"), List.of(raws.get(1),
                new InboundRequests.Raw("m2x", new JsonObject(), now)), Duration.ofSeconds(30))), "m2 was kept before");
        get(InboundRequests.endAll(pool, Channel.of("grouped"), List.of(
                new InboundRequests.Ended("m1", InboundRequests.End.PROCESSED, "opt_out"),
                new InboundRequests.Ended("m2", InboundRequests.End.QUARANTINED, "unreadable")), now));
        assertEquals(1, count("channel = 'grouped' AND dedupe_key = 'm1' AND state = 'processed' AND outcome = 'opt_out'"));
        assertEquals(1, count("channel = 'grouped' AND dedupe_key = 'm2' AND state = 'quarantined'"));
        assertEquals(1, count("channel = 'grouped' AND dedupe_key = 'm2x' AND state = 'pending'"));
    }

    private static InboundMessages.Received message(Channel channel, String ref, String from, List<String> debtors) {
        return new InboundMessages.Received(channel, ref, from, "+15005550006", "text of " + ref, debtors,
                debtors.stream().map(d -> "case-" + d).toList(), "other", new JsonObject().put("intent", "other"),
                Instant.parse("2026-12-01T10:00:00Z"));
    }

    /** Replies' messages recorded many in one statement. */
    @Test
    void eachMessageIsNewOnceWhetherRepeatedInTheGroupOrRecordedBefore() {
        assertEquals(List.of(true), get(InboundMessages.recordAll(pool,
                List.of(message(Channel.SMS, "SM-before", "+1", List.of("d0"))))));
        List<Boolean> fresh = get(pool.withTransaction(conn -> InboundMessages.recordAll(conn, List.of(
                message(Channel.SMS, "SM-a", "+1", List.of("d1", "d2")),
                message(Channel.SMS, "SM-before", "+1", List.of("d0")),
                message(Channel.SMS, "SM-a", "+2", List.of("d3")),
                message(Channel.EMAIL, "SM-a", "a@example.com", List.of()),
                message(Channel.SMS, "SM-b", "+3", List.of("d4"))))));
        assertEquals(List.of(true, false, false, true, true), fresh);
        assertEquals(1, TestPostgres.number(database, "SELECT count(*) FROM inbound_message WHERE provider_ref = "
                + "'SM-a' AND channel = 'sms' AND from_address = '+1' AND debtor_ids = ARRAY['d1','d2'] "
                + "AND case_ids = ARRAY['case-d1','case-d2'] AND classification = '{\"intent\":\"other\"}'"));
        assertEquals(1, TestPostgres.number(database, "SELECT count(*) FROM inbound_message WHERE channel = 'email' "
                + "AND debtor_ids = '{}' AND case_ids = '{}'"));
        assertEquals(4, TestPostgres.number(database, "SELECT count(*) FROM inbound_message"));
    }

    @Test
    void theLocksOfManyCasesAreTakenTogetherEachOnce() {
        long held = get(pool.withTransaction(conn -> Locks.casesTogether(conn, List.of("case-b", "case-a", "case-b"))
                .compose(v -> Locks.casesTogether(conn, List.of()))
                .compose(v -> conn.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                        + "AND pid = pg_backend_pid()").execute())
                .map(rows -> rows.iterator().next().getLong(0))));
        assertEquals(2, held);
    }
}
