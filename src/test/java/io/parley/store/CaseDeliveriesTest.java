package io.parley.store;

import io.parley.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.parley.testing.ServiceHarness.get;
import static io.parley.testing.ServiceHarness.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The case_delivery statements against a real database: claims, leases, backoff, and clearing pending. */
class CaseDeliveriesTest {
    private static final String OWNER = "instance-a";
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

    /** Appends an event for the case in a transaction of its own. */
    private static void event(String caseId, Instant at) {
        get(pool.withTransaction(c -> Timeline.append(c, new TimelineEntry(caseId, null, at, "agent.flagged",
                new JsonObject().put("note", "x")))));
    }

    @Test
    void anEventCommittedWhileACaseIsBeingFinishedKeepsItPending() {
        Instant now = Instant.now();
        event("case-race", now);
        List<CaseDeliveries.Claimed> claimed = get(CaseDeliveries.claim(pool, OWNER, now, now.plusSeconds(30), 10));
        assertEquals(List.of("case-race"), claimed.stream().map(CaseDeliveries.Claimed::caseId).toList());
        List<CaseDeliveries.Undelivered> events = get(CaseDeliveries.undelivered(pool, "case-race", 0, 10));
        assertEquals(1, events.size());
        assertTrue(get(CaseDeliveries.advance(pool, "case-race", events.get(0).seq(), OWNER, now.plusSeconds(30))));

        // another transaction adds an event and marks the case, and has not committed yet
        SqlConnection writer = get(pool.getConnection());
        Transaction tx = get(writer.begin());
        get(Timeline.append(writer, new TimelineEntry("case-race", null, now, "agent.flagged", new JsonObject())));
        Future<CaseDeliveries.Finish> finish = CaseDeliveries.finish(pool, "case-race", OWNER);
        sleep(300);
        assertFalse(finish.isComplete(), "waits for the writer's lock");
        get(tx.commit());
        get(writer.close());
        assertEquals(CaseDeliveries.Finish.MORE, get(finish), "the new event is seen: the case stays pending");

        List<CaseDeliveries.Undelivered> more = get(CaseDeliveries.undelivered(pool, "case-race", events.get(0).seq(), 10));
        assertEquals(1, more.size());
        assertTrue(get(CaseDeliveries.advance(pool, "case-race", more.get(0).seq(), OWNER, now.plusSeconds(30))));
        assertEquals(CaseDeliveries.Finish.DONE, get(CaseDeliveries.finish(pool, "case-race", OWNER)));
        assertEquals(0, TestPostgres.number(database,
                "SELECT count(*) FROM case_delivery WHERE case_id = 'case-race' AND pending"));
        assertEquals(List.of(), get(CaseDeliveries.claim(pool, OWNER, now, now.plusSeconds(30), 10)));

        event("case-race", now.plusSeconds(1));
        assertEquals(1, get(CaseDeliveries.claim(pool, OWNER, now.plusSeconds(1), now.plusSeconds(30), 10)).size(),
                "a later event makes the case due again");
        get(CaseDeliveries.release(pool, "case-race", OWNER));
        get(pool.query("UPDATE case_delivery SET pending = false WHERE case_id = 'case-race'").execute());
    }

    @Test
    void aLeasedCaseIsNotClaimedTwiceAndAFailedOneWaitsForItsBackoff() {
        Instant now = Instant.now();
        event("case-lease", now);
        assertEquals(1, get(CaseDeliveries.claim(pool, OWNER, now, now.plusSeconds(30), 10)).size());
        assertEquals(List.of(), get(CaseDeliveries.claim(pool, "instance-b", now.plusSeconds(1), now.plusSeconds(31), 10)),
                "leased to instance-a");
        assertFalse(get(CaseDeliveries.advance(pool, "case-lease", 1, "instance-b", now.plusSeconds(31))),
                "only the lease holder writes");

        get(CaseDeliveries.fail(pool, "case-lease", now.plusSeconds(60), "HTTP 503", OWNER));
        assertEquals(List.of(), get(CaseDeliveries.claim(pool, OWNER, now.plusSeconds(59), now.plusSeconds(90), 10)),
                "not before its next attempt");
        List<CaseDeliveries.Claimed> again = get(CaseDeliveries.claim(pool, "instance-b", now.plusSeconds(60),
                now.plusSeconds(90), 10));
        assertEquals(1, again.size());
        assertEquals(1, again.get(0).failures());
        assertEquals(0, again.get(0).deliveredSeq());

        // instance-b crashes holding the lease: once it has expired, instance-a takes the case over
        assertEquals(List.of(), get(CaseDeliveries.claim(pool, OWNER, now.plusSeconds(89), now.plusSeconds(120), 10)));
        assertEquals(1, get(CaseDeliveries.claim(pool, OWNER, now.plusSeconds(91), now.plusSeconds(120), 10)).size());
        assertEquals(CaseDeliveries.Finish.LOST, get(CaseDeliveries.finish(pool, "case-lease", "instance-b")));
        get(CaseDeliveries.release(pool, "case-lease", OWNER));
        get(pool.query("UPDATE case_delivery SET pending = false WHERE case_id = 'case-lease'").execute());
    }
}
