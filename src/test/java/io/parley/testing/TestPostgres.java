package io.parley.testing;

import io.parley.store.DatabaseTarget;
import io.parley.store.EmbeddedDatabase;
import io.parley.store.Migrations;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test run (embedded, started on first use), and a fresh database in it
 * for every test that asks, so tests never see each other's rows.
 */
public final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase server;

    private TestPostgres() {
    }

    public static synchronized DatabaseTarget newDatabase() {
        if (server == null) {
            Path dir;
            try {
                dir = Files.createTempDirectory("parley-test-pg");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // fsync off for speed: the test server is thrown away after the run, and no test cuts the power
            server = EmbeddedDatabase.start(dir, 0, false);
            EmbeddedDatabase started = server;
            // stopped, then its cluster (over a gigabyte after a full run) removed
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                ScratchDirs.delete(dir);
            }, "test-postgres-stop"));
        }
        DatabaseTarget admin = server.target();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.jdbcProperties());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new DatabaseTarget(admin.host(), admin.port(), name, admin.user(), admin.password());
    }

    /** The single number a query returns (counts, mostly), read over JDBC. */
    /** A fresh database with the service's schema. */
    public static DatabaseTarget migratedDatabase() {
        DatabaseTarget database = newDatabase();
        Migrations.migrate(database);
        return database;
    }

    /** A reactive pool on a database, as the service would open one. */
    public static Pool pool(Vertx vertx, DatabaseTarget database) {
        return PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
    }

    public static long number(DatabaseTarget target, String sql) {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.jdbcProperties());
             Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs a statement (a test's own trigger, say) over JDBC. */
    public static void execute(DatabaseTarget target, String sql) {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.jdbcProperties());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Takes a test database away (no new connections, every open one ended) or brings it back, as a database outage
     * looks to the service: its queries fail until the database is back.
     */
    public static void available(DatabaseTarget target, boolean up) {
        DatabaseTarget admin = new DatabaseTarget(target.host(), target.port(), "postgres", target.user(),
                target.password());
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.jdbcProperties());
             Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + target.database() + " ALLOW_CONNECTIONS " + up);
            if (!up) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + target.database() + "' AND pid <> pg_backend_pid()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not " + (up ? "restore" : "take away") + " " + target.database(), e);
        }
    }

    public static String url(DatabaseTarget target) {
        return "postgresql://" + target.user() + "@" + target.host() + ":" + target.port() + "/" + target.database();
    }
}
