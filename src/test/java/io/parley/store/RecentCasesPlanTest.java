package io.parley.store;

import io.parley.testing.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's recent cases over a realistic enrollment table (100,000 rows, statistics gathered): the planner reads
 * the newest end of the updated_at index instead of sorting the table, and the answer is still the newest cases.
 */
class RecentCasesPlanTest {
    private static final int ROWS = 100_000;
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        pool = TestPostgres.pool(vertx, TestPostgres.migratedDatabase());
        get(pool.query("""
                INSERT INTO debtor (id, name, locale, address, updated_at) VALUES ('plan-debtor', 'Plan', 'en-US', '{}', now());
                INSERT INTO sequence_version (name, version, checksum, source, definition, loaded_at)
                VALUES ('plan', 1, 'a', 'seeded', '{}', now());
                INSERT INTO enrollment (id, case_id, debtor_id, sequence_name, sequence_version, status, started_at,
                    time_zone, account, variables, created_at, updated_at)
                SELECT gen_random_uuid(), 'plan-case-' || mod(n, 75000), 'plan-debtor', 'plan', 1,
                       CASE WHEN mod(n, 75000) = n THEN 'active' ELSE 'completed' END,
                       timestamptz '2026-01-01' + n * interval '1 minute', 'UTC', '{}', '{}',
                       timestamptz '2026-01-01' + n * interval '1 minute',
                       timestamptz '2026-01-01' + n * interval '1 minute'
                FROM generate_series(1, %d) n;
                ANALYZE enrollment""".formatted(ROWS)).execute());
    }

    @AfterAll
    static void stop() {
        get(pool.close());
        get(vertx.close());
    }

    @Test
    void theRecentCasesAreReadFromTheUpdatedAtIndex() {
        String plan = StreamSupport.stream(get(pool.preparedQuery("EXPLAIN " + RecentCases.RECENT)
                        .execute(Tuple.of(50))).spliterator(), false).map(r -> r.getString(0))
                .collect(Collectors.joining("\n"));
        assertTrue(plan.contains("Index Scan using enrollment_by_update on enrollment"), plan);
        assertFalse(plan.contains("Seq Scan on enrollment"), plan);
    }

    @Test
    void theNewestCasesComeFirst() {
        JsonArray recent = get(RecentCases.list(pool, 3));
        assertEquals(3, recent.size());
        // the last minutes of the series: n = 100000, 99999, 99998 -> cases n mod 75000
        assertEquals("plan-case-25000", recent.getJsonObject(0).getString("caseId"));
        assertEquals("plan-case-24999", recent.getJsonObject(1).getString("caseId"));
        assertEquals("plan-case-24998", recent.getJsonObject(2).getString("caseId"));
    }
}
