package io.parley.store;

import io.parley.testing.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A timeline append numbers each case's entries in order and writes the events the engine hears about with them; given
 * the pool rather than a transaction's connection, it is a transaction of its own: when an event cannot be written, no
 * entry and no number stays behind.
 */
class TimelineAppendTest {
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        pool = TestPostgres.pool(vertx, TestPostgres.migratedDatabase());
        // the database refuses the events of one case, as a full disk or a bad row would
        get(pool.query("""
                CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'event refused';
                END
                $$""").execute());
        get(pool.query("CREATE TRIGGER refuse_event BEFORE INSERT ON case_event FOR EACH ROW "
                + "WHEN (NEW.case_id = 'refused') EXECUTE FUNCTION refuse_event()").execute());
    }

    @AfterAll
    static void stop() {
        get(pool.close());
        get(vertx.close());
    }

    @Test
    void entriesAreNumberedPerCaseWithTheirEvents() {
        Instant at = Instant.parse("2026-03-02T14:00:00Z");
        get(Timeline.append(pool, List.of(
                entry("case-b", TimelineKinds.ATTEMPT_STATUS, at), entry("case-a", TimelineKinds.DECISION, at),
                entry("case-b", TimelineKinds.ATTEMPT_SENDING, at), entry("case-a", TimelineKinds.ATTEMPT_STATUS, at))));
        get(Timeline.append(pool, List.of(entry("case-a", TimelineKinds.ATTEMPT_STATUS, at))));
        assertEquals("1 decision,2 attempt.status,3 attempt.status", kinds("case-a"));
        assertEquals("1 attempt.status,2 attempt.sending", kinds("case-b"));
        assertEquals("2,3", number("SELECT string_agg(seq::text, ',' ORDER BY seq) FROM case_event "
                + "WHERE case_id = 'case-a'"));
        assertEquals("1", number("SELECT string_agg(seq::text, ',' ORDER BY seq) FROM case_event "
                + "WHERE case_id = 'case-b'"));
    }

    @Test
    void givenThePoolAnAppendWhoseEventIsRefusedLeavesNothing() {
        Instant at = Instant.parse("2026-03-02T15:00:00Z");
        AssertionError refused = assertThrows(AssertionError.class, () -> get(Timeline.append(pool, List.of(
                entry("refused", TimelineKinds.ATTEMPT_SENDING, at), entry("refused", TimelineKinds.ATTEMPT_STATUS, at)))));
        assertTrue(refused.getMessage().contains("event refused"), refused.getMessage());
        assertEquals("0", number("SELECT count(*)::text FROM timeline WHERE case_id = 'refused'"));
        assertEquals("0", number("SELECT count(*)::text FROM case_sequence WHERE case_id = 'refused'"));
    }

    private static TimelineEntry entry(String caseId, String kind, Instant at) {
        return new TimelineEntry(caseId, null, at, kind, new JsonObject().put("outcome", "allow"));
    }

    private static String kinds(String caseId) {
        return number("SELECT string_agg(seq || ' ' || kind, ',' ORDER BY seq) FROM timeline WHERE case_id = '"
                + caseId + "'");
    }

    private static String number(String sql) {
        return get(pool.query(sql).execute()).iterator().next().getString(0);
    }
}
