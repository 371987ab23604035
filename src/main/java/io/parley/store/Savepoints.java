package io.parley.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.function.Function;

/**
 * Transactions holding many independent pieces of work, each under a savepoint of its own: one that fails is rolled
 * back alone and the transaction goes on with the others. The transaction is begun and committed by hand (the
 * client's own transactions end at the first failed statement), and tried again, whole, on a deadlock or a
 * serialization failure, like {@link Transactions}.
 */
public final class Savepoints {
    private static final int ATTEMPTS = 4;

    private Savepoints() {
    }

    /**
     * Runs the work in one transaction and commits it; rolls it back when the work fails. Before the commit the
     * transaction is checked to be still usable, so a failure that was not rolled back to its savepoint can never
     * pass for a commit.
     */
    public static <T> Future<T> run(Pool pool, Function<SqlConnection, Future<T>> work) {
        return run(pool, work, 1);
    }

    private static <T> Future<T> run(Pool pool, Function<SqlConnection, Future<T>> work, int attempt) {
        return pool.withConnection(conn -> conn.query("BEGIN").execute()
                .compose(v -> {
                    try {
                        return work.apply(conn);
                    } catch (RuntimeException e) {
                        return Future.failedFuture(e);
                    }
                })
                .compose(result -> conn.query("SELECT 1").execute()
                                .compose(v -> conn.query("COMMIT").execute()).map(result),
                        err -> conn.query("ROLLBACK").execute().transform(v -> Future.<T>failedFuture(err))))
                .recover(err -> attempt < ATTEMPTS && Transactions.retryable(err)
                        ? run(pool, work, attempt + 1) : Future.failedFuture(err));
    }

    /**
     * Runs one piece of work under a savepoint, inside a transaction of {@link #run}: released when the work
     * succeeds, rolled back to when it fails. The outer future fails only when the transaction itself can no longer
     * go on; the inner one is the work's own result. The savepoint goes out with the work's first statement, its
     * release with whatever the connection runs next.
     */
    public static <T> Future<Future<T>> isolated(SqlConnection conn, Function<SqlConnection, Future<T>> work) {
        Future<?> savepoint = conn.query("SAVEPOINT piece").execute();
        Future<T> done;
        try {
            done = work.apply(conn);
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        Future<T> result = done;
        return Future.join(savepoint, result).transform(ar -> {
            if (savepoint.failed()) {
                return Future.failedFuture(savepoint.cause());
            }
            if (ar.succeeded()) {
                // released without waiting: it goes out with the next piece's first statement; were it to fail, the
                // transaction would be unusable and the check before the commit would fail it whole
                conn.query("RELEASE SAVEPOINT piece").execute();
                return Future.succeededFuture(result);
            }
            return conn.query("ROLLBACK TO SAVEPOINT piece").execute().map(v -> result);
        });
    }
}
