package io.parley.store;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * Transactions that are tried again when PostgreSQL aborts them for a deadlock or a serialization failure, which
 * concurrent instances can cause however carefully locks are ordered. The work must have no effect outside the
 * database until the returned future succeeds.
 */
public final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    private static final int ATTEMPTS = 4;

    private Transactions() {
    }

    public static <T> Future<T> run(Pool pool, Function<SqlConnection, Future<T>> work) {
        return run(pool, work, 1);
    }

    private static <T> Future<T> run(Pool pool, Function<SqlConnection, Future<T>> work, int attempt) {
        return pool.withTransaction(work).recover(err -> {
            if (attempt < ATTEMPTS && retryable(err)) {
                LOG.debug("Transaction aborted ({}); trying again ({} of {})", err.getMessage(), attempt + 1, ATTEMPTS);
                return run(pool, work, attempt + 1);
            }
            return Future.failedFuture(err);
        });
    }

    static boolean retryable(Throwable err) {
        return err instanceof PgException pg
                && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()));
    }
}
