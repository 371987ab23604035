package io.parley.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The service's PostgreSQL: an external server when one is configured, otherwise an embedded one whose data lives
 * under the data directory. Migrated before the pool is handed out.
 */
public final class ServiceDatabase {
    /** How long a query waits for a connection (to be made, or to come free) before it fails. */
    static final int CONNECTION_WAIT_SECONDS = 5;
    private final Pool pool;
    private final EmbeddedDatabase embedded;
    private final DatabaseTarget target;

    private ServiceDatabase(Pool pool, EmbeddedDatabase embedded, DatabaseTarget target) {
        this.pool = pool;
        this.embedded = embedded;
        this.target = target;
    }

    /**
     * @param external the external server, or null to start the embedded one in embeddedDir
     */
    public static Future<ServiceDatabase> open(Vertx vertx, DatabaseTarget external, Path embeddedDir, int embeddedPort,
                                               int poolSize) {
        return vertx.executeBlocking(() -> {
            EmbeddedDatabase embedded = external == null ? EmbeddedDatabase.start(embeddedDir, embeddedPort) : null;
            DatabaseTarget target = external == null ? embedded.target() : external;
            try {
                Migrations.migrate(target);
            } catch (RuntimeException e) {
                if (embedded != null) {
                    embedded.close();
                }
                throw e;
            }
            return new ServiceDatabase(null, embedded, target);
        }, false).map(prepared -> new ServiceDatabase(PgBuilder.pool()
                // connections spread over the event loops, so no single loop carries all database traffic
                .with(new PoolOptions().setMaxSize(poolSize).setName("parley-db")
                        // with the database gone, a request fails (503) within this rather than hanging
                        .setConnectionTimeout(CONNECTION_WAIT_SECONDS).setConnectionTimeoutUnit(TimeUnit.SECONDS)
                        .setEventLoopSize(Runtime.getRuntime().availableProcessors()))
                .connectingTo(prepared.target.connectOptions())
                .using(vertx)
                .build(), prepared.embedded, prepared.target));
    }

    public Pool pool() {
        return pool;
    }

    public DatabaseTarget target() {
        return target;
    }

    public Future<Void> close(Vertx vertx) {
        Future<Void> closed = pool == null ? Future.succeededFuture() : pool.close();
        return closed.compose(v -> embedded == null ? Future.succeededFuture()
                : vertx.executeBlocking(() -> {
                    embedded.close();
                    return null;
                }, false));
    }
}
