package io.parley.channel;

import io.parley.domain.Channel;
import io.parley.store.DatabaseTarget;
import io.parley.store.InboundRequests;
import io.parley.testing.MutableClock;
import io.parley.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Promise;
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
import java.util.concurrent.CopyOnWriteArrayList;
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
        database = TestPostgres.migratedDatabase();
        pool = TestPostgres.pool(vertx, database);
    }

    @AfterAll
    static void stop() {
        get(pool.close());
        get(vertx.close());
    }

    private InboundInbox inbox(Channel channel, InboundInbox.Work work) {
        return inbox(channel, work, Duration.ofSeconds(2));
    }

    /** An inbox answering within the time given (long enough for a cold start, where the test needs the answers). */
    private InboundInbox inbox(Channel channel, InboundInbox.Work work, Duration answerWithin) {
        return new InboundInbox(channel, new ChannelContext(vertx, pool, "http://localhost", null, null, null, null,
                clock), answerWithin, work);
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

    @Test
    void manyArrivalsAtOnceShareInsertsAndBatchesAndAreEachAnswered() {
        List<Integer> groups = new CopyOnWriteArrayList<>();
        InboundInbox inbox = inbox(Channel.of("testburst"), new InboundInbox.Work() {
            @Override
            public Future<InboundInbox.Handled> act(JsonObject payload, Instant at) {
                return Future.succeededFuture(InboundInbox.Handled.done("one " + payload.getString("n"), Optional.empty()));
            }

            @Override
            public Future<List<Future<InboundInbox.Handled>>> actAll(List<InboundRequests.Raw> requests) {
                groups.add(requests.size());
                return Future.succeededFuture(requests.stream().map(r -> Future.succeededFuture(InboundInbox.Handled
                        .done("n" + r.payload().getString("n"), Optional.of("answer " + r.payload().getString("n")))))
                        .toList());
            }
        }, Duration.ofSeconds(20));
        int n = 300;
        List<Future<InboundInbox.Arrival>> arrivals = new ArrayList<>();
        Future<InboundInbox.Arrival> twinA = null;
        for (int i = 0; i < n; i++) {
            arrivals.add(inbox.arrive("SMB" + i, new JsonObject().put("n", String.valueOf(i))));
            if (i == 7) {
                // the same request twice at once (a provider's quick retry), in one group: new only once
                twinA = inbox.arrive("SMB7", new JsonObject().put("n", "7"));
            }
        }
        get(Future.all(arrivals));
        for (int i = 0; i < n; i++) {
            InboundInbox.Arrival a = arrivals.get(i).result();
            assertEquals(Optional.of("answer " + i), a.handled().flatMap(InboundInbox.Handled::answer),
                    "each caller gets its own request's answer");
        }
        assertFalse(get(twinA).fresh());
        assertEquals(n, count("channel = 'testburst' AND state = 'processed' AND outcome LIKE 'n%'"));
        assertEquals(n, groups.stream().mapToInt(Integer::intValue).sum(), "each request acted on once");
        assertTrue(groups.size() < n / 4, "acted on in groups, not one by one: " + groups);
    }

    @Test
    void requestsStoredWhenTheProcessStoppedBeforeActingAreActedOnOnceByTheNextOne() {
        Channel channel = Channel.of("testcrash");
        // the first process keeps the requests, then stops before acting on them (its work never finishes)
        InboundInbox first = inbox(channel, (payload, at) -> Promise.<InboundInbox.Handled>promise().future());
        List<Future<InboundInbox.Arrival>> arrivals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            arrivals.add(first.arrive("SMC" + i, new JsonObject().put("Body", "STOP " + i)));
        }
        get(Future.all(arrivals));
        arrivals.forEach(a -> assertTrue(a.result().fresh() && a.result().handled().isEmpty(),
                "stored (so the provider got its 200) but not acted on"));
        assertEquals(20, count("channel = 'testcrash' AND state = 'pending'"));

        AtomicInteger acted = new AtomicInteger();
        InboundInbox next = inbox(channel, (payload, at) -> {
            acted.incrementAndGet();
            return Future.succeededFuture(InboundInbox.Handled.done("done", Optional.empty()));
        });
        InboundRedelivery redelivery = next.redelivery(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(31));
        assertEquals(20, get(redelivery.runOnce()));
        assertEquals(0, get(redelivery.runOnce()));
        assertEquals(20, acted.get(), "each acted on once");
        assertEquals(20, count("channel = 'testcrash' AND state = 'processed'"));
    }

    @Test
    void aRequestThatFailsInAGroupFailsAloneAndStaysPending() {
        InboundInbox inbox = inbox(Channel.of("testpoison"), (payload, at) -> "poison".equals(payload.getString("Body"))
                ? Future.failedFuture(new IllegalStateException("cannot be acted on"))
                : Future.succeededFuture(InboundInbox.Handled.done("ok", Optional.of("fine"))), Duration.ofSeconds(20));
        List<Future<InboundInbox.Arrival>> arrivals = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            arrivals.add(inbox.arrive("SMP" + i, new JsonObject().put("Body", i == 17 ? "poison" : "hello")));
        }
        get(Future.all(arrivals));
        for (int i = 0; i < 40; i++) {
            assertEquals(i == 17 ? Optional.empty() : Optional.of("fine"),
                    arrivals.get(i).result().handled().flatMap(InboundInbox.Handled::answer));
        }
        assertEquals(39, count("channel = 'testpoison' AND state = 'processed'"));
        assertEquals(1, count("channel = 'testpoison' AND state = 'pending' AND dedupe_key = 'SMP17'"));
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
