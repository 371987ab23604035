package io.parley.store;

import io.parley.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed gives each case's events in seq order even when the transaction that wrote the later seq began (and took
 * its transaction id) before the one that wrote the earlier seq: writers on one case serialise on the case's lock,
 * not on when they started.
 */
class CaseEventFeedPerCaseOrderTest {
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        var database = TestPostgres.migratedDatabase();
        pool = PgBuilder.pool().connectingTo(database.connectOptions()).with(new PoolOptions().setMaxSize(24))
                .using(vertx).build();
    }

    @AfterAll
    static void stop() {
        get(pool.close());
        get(vertx.close());
    }

    private static TimelineEntry entry(String caseId, long n) {
        return new TimelineEntry(caseId, null, Instant.now(), TimelineKinds.ATTEMPT_STATUS,
                new JsonObject().put("n", n));
    }

    /** Under the case's lock (a row lock standing for it): the next seq of the case, written with its event. */
    private static Future<Void> writeNext(SqlConnection conn, String caseId) {
        return conn.preparedQuery("SELECT pg_advisory_xact_lock(hashtext($1))").execute(Tuple.of(caseId))
                .compose(v -> conn.preparedQuery("SELECT coalesce(max(seq), 0) + 1 AS next FROM case_event"
                        + " WHERE case_id = $1").execute(Tuple.of(caseId)))
                .compose(rows -> {
                    long seq = rows.iterator().next().getLong("next");
                    return Outbox.write(conn, List.of(entry(caseId, seq)), List.of(seq));
                });
    }

    private static List<Long> seqsOf(String caseId) {
        List<Long> seqs = new ArrayList<>();
        FeedCursor cursor = FeedCursor.START;
        while (true) {
            CaseEventFeed.Page page = get(CaseEventFeed.after(pool, cursor, 7));
            if (page.events().isEmpty()) {
                return seqs;
            }
            page.events().stream().map(e -> e.payload().getJsonObject("data"))
                    .filter(d -> caseId.equals(d.getString("caseId"))).forEach(d -> seqs.add(d.getLong("seq")));
            cursor = page.events().get(page.events().size() - 1).cursor();
        }
    }

    @Test
    void aTransactionThatStartedFirstButWroteLaterComesLater() {
        String caseId = "case-late-writer";
        SqlConnection early = get(pool.getConnection());
        SqlConnection late = get(pool.getConnection());
        try {
            get(early.query("BEGIN").execute());
            get(early.query("SELECT pg_current_xact_id()").execute()); // takes its id first
            get(late.query("BEGIN").execute());
            get(late.query("SELECT pg_current_xact_id()").execute());
            get(writeNext(late, caseId));
            get(late.query("COMMIT").execute());
            get(writeNext(early, caseId));
            get(early.query("COMMIT").execute());
        } finally {
            early.close();
            late.close();
        }
        assertEquals(List.of(1L, 2L), seqsOf(caseId));
    }

    @Test
    void concurrentWritersOnOneCaseAreReadInSeqOrder() {
        String caseId = "case-concurrent";
        int writers = 20;
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            List<Future<Void>> all = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                // each takes its transaction id at once, then waits its turn on the case's lock
                all.add(pool.withTransaction(conn -> conn.query("SELECT pg_current_xact_id()").execute()
                        .compose(v -> conn.query("SELECT pg_sleep(random() * 0.01)").execute())
                        .compose(v -> writeNext(conn, caseId))));
            }
            get(Future.all(all));
        }
        List<Long> seqs = seqsOf(caseId);
        assertEquals(writers * rounds, seqs.size());
        Map<String, Long> last = new HashMap<>();
        for (long seq : seqs) {
            assertTrue(seq > last.getOrDefault(caseId, 0L), "seq " + seq + " after " + last.get(caseId) + ": " + seqs);
            last.put(caseId, seq);
        }
    }
}
