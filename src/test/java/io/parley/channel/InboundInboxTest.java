package io.parley.channel;

import io.parley.domain.Channel;
import io.parley.store.DatabaseTarget;
import io.parley.store.InboundRequests;
import io.parley.store.Migrations;
import io.parley.testing.MutableClock;
import io.parley.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw-first inbound requests against a real database: stored once, acted on, taken up again, quarantined. */
class InboundInboxTest {
    private static Vertx vertx;
    private static DatabaseTarget database;
    private static Pool pool;
    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        database = TestPostgres.newDatabase();
        Migrations.migrate(database);
        pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
    }

    @AfterAll
    static void stop() {
        get(pool.close());
        get(vertx.close());
    }

    private InboundInbox inbox(Channel channel, InboundInbox.Work work) {
        return new InboundInbox(channel, new ChannelContext(vertx, pool, "http://localhost", null, null, null, null,
                clock), Duration.ofSeconds(2), work);
    }

    private static long count(String where) {
        return TestPostgres.number(database, "SELECT count(*) FROM inbound_request WHERE " + where);
    }

    @Test
    void aRequestWhoseWorkFailedIsTakenUpAgainUntilItIsDone() {
        AtomicInteger calls = new AtomicInteger();
        InboundInbox inbox = inbox(Channel.of("testsms"), (payload, at) -> calls.incrementAndGet() == 1
                ? Future.failedFuture(new IllegalStateException("the database went away"))
                : Future.succeededFuture(InboundInbox.Handled.done("opt_out " + payload.getString("Body"),
                Optional.of("confirmed"))));
        InboundInbox.Arrival first = get(inbox.arrive("SM1", new JsonObject().put("Body", "STOP")));
        assertTrue(first.fresh());
        assertTrue(first.handled().isEmpty(), "the work failed: the provider gets an empty answer");
        assertEquals(1, count("channel = 'testsms' AND state = 'pending'"));

        InboundRedelivery redelivery = inbox.redelivery(Duration.ofSeconds(1));
        assertEquals(0, get(redelivery.runOnce()), "leased to the instance that took it");
        clock.advance(Duration.ofSeconds(31));
        assertEquals(1, get(redelivery.runOnce()));
        assertEquals(2, calls.get());
        assertEquals(1, count("channel = 'testsms' AND state = 'processed' AND outcome = 'opt_out STOP'"));

        InboundInbox.Arrival again = get(inbox.arrive("SM1", new JsonObject().put("Body", "STOP")));
        assertFalse(again.fresh(), "a redelivery changes nothing");
        assertEquals(2, calls.get());
    }

    @Test
    void anUnreadableRequestIsQuarantinedAndListed() {
        InboundInbox inbox = inbox(Channel.of("testmail"), (payload, at) ->
                Future.succeededFuture(InboundInbox.Handled.quarantine("unreadable: no headers")));
        InboundInbox.Arrival arrival = get(inbox.arrive("<x@y>", new JsonObject().put("rfc822", "garbage")));
        assertTrue(arrival.handled().orElseThrow().unreadable());
        List<JsonObject> listed = get(InboundRequests.quarantined(pool, Channel.of("testmail"), 10));
        assertEquals(1, listed.size());
        assertEquals("unreadable: no headers", listed.get(0).getString("reason"));
        assertEquals("<x@y>", listed.get(0).getString("dedupeKey"));
    }

    @Test
    void whenTheDatabaseIsDownNothingIsStoredOrDoneAndTheCallerIsTold() {
        AtomicInteger calls = new AtomicInteger();
        InboundInbox inbox = inbox(Channel.of("testdown"), (payload, at) -> {
            calls.incrementAndGet();
            return Future.succeededFuture(InboundInbox.Handled.done("ok", Optional.empty()));
        });
        TestPostgres.available(database, false);
        try {
            Future<InboundInbox.Arrival> refused = inbox.arrive("SM2", new JsonObject());
            assertTrue(awaitFailure(refused), "the store failed, so the caller answers 503");
        } finally {
            TestPostgres.available(database, true);
        }
        assertEquals(0, calls.get());
        assertTrue(get(inbox.arrive("SM2", new JsonObject())).fresh(), "the provider's retry is taken");
        assertEquals(1, calls.get());
    }

    private static boolean awaitFailure(Future<?> future) {
        try {
            get(future);
            return false;
        } catch (AssertionError | RuntimeException e) {
            return true;
        }
    }
}
