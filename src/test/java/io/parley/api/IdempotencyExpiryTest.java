package io.parley.api;

import io.parley.store.DatabaseTarget;
import io.parley.store.IdempotencyKeys;
import io.parley.testing.MutableClock;
import io.parley.testing.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency keys older than the retention are deleted; a key used again after that runs as a new request. */
class IdempotencyExpiryTest {
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

    @Test
    void keysOlderThanTheRetentionAreDeleted() {
        MutableClock clock = new MutableClock();
        Instant now = clock.instant();
        get(IdempotencyKeys.reserve(pool, "engine", "old", "h1", now.minus(Duration.ofHours(25))));
        get(IdempotencyKeys.reserve(pool, "engine", "fresh", "h2", now.minus(Duration.ofHours(23))));
        IdempotencyExpiry expiry = new IdempotencyExpiry(pool,
                new IdempotencyExpiry.Settings(Duration.ofHours(24), Duration.ofMinutes(10)), clock);
        assertEquals(1, get(expiry.runOnce()));
        assertEquals(1, TestPostgres.number(database, "SELECT count(*) FROM idempotency_key"));
        assertTrue(get(IdempotencyKeys.reserve(pool, "engine", "old", "h3", now)).isEmpty(),
                "the expired key is free again");
        clock.advance(Duration.ofHours(2));
        assertEquals(1, get(expiry.runOnce()), "the other key has expired by now");
    }
}
