package io.parley.store;

import io.parley.testing.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static io.parley.testing.ServiceHarness.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The feed orders by writing transaction as a number: transaction ids that cross a power of ten (99 -> 100) keep their
 * order, in one page and across pages.
 */
class CaseEventFeedOrderTest {
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        pool = TestPostgres.pool(vertx, TestPostgres.migratedDatabase());
        // transactions 9, 10, 99 and 100 wrote these events; all are long finished, so below every snapshot's xmin
        for (long txid : List.of(100L, 9L, 99L, 10L)) {
            get(pool.preparedQuery("INSERT INTO case_event (txid, event_id, case_id, seq, type, payload, created_at) "
                            + "VALUES ($1::text::xid8, $2, 'case-order', $3, 'attempt.status', $4, $5)")
                    .execute(Tuple.of(String.valueOf(txid), "evt-" + txid, txid, new JsonObject().put("tx", txid),
                            OffsetDateTime.now())));
        }
    }

    @AfterAll
    static void stop() {
        get(pool.close());
        get(vertx.close());
    }

    @Test
    void eventsComeInTransactionOrderAsNumbers() {
        List<Long> onePage = get(CaseEventFeed.after(pool, FeedCursor.START, 10)).events().stream()
                .map(e -> e.cursor().txid()).toList();
        assertEquals(List.of(9L, 10L, 99L, 100L), onePage);

        List<Long> paged = new java.util.ArrayList<>();
        FeedCursor cursor = FeedCursor.START;
        for (int i = 0; i < 10; i++) {
            CaseEventFeed.Page page = get(CaseEventFeed.after(pool, cursor, 1));
            if (page.events().isEmpty()) {
                break;
            }
            page.events().forEach(e -> paged.add(e.cursor().txid()));
            cursor = page.next();
        }
        assertEquals(onePage, paged);
    }
}
