package io.parley.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this PostgreSQL can commit here, measured with pgbench in the same run, so every figure of the service can be
 * read as a share of it: single-row update+insert transactions on 1 and on 32 connections, and batched
 * claim+complete (100 queue rows per statement, FOR UPDATE SKIP LOCKED) on 8 connections.
 */
final class Ceiling {
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private Ceiling() {
    }

    static JsonObject measure(Pg pg, Path scripts, int seconds, Path log) {
        String pgbench = pgbench();
        pg.exec("ceiling", "CREATE TABLE account (id int PRIMARY KEY, balance bigint NOT NULL)");
        pg.exec("ceiling", "INSERT INTO account SELECT g, 0 FROM generate_series(1, 100000) g");
        pg.exec("ceiling", "CREATE TABLE history (id bigserial PRIMARY KEY, account int, delta int, at timestamptz)");
        pg.exec("ceiling", "CREATE TABLE queue (id bigserial PRIMARY KEY, due_at timestamptz NOT NULL, "
                + "lease_until timestamptz, lease_owner int, done boolean NOT NULL DEFAULT false)");
        pg.exec("ceiling", "CREATE INDEX queue_due ON queue (due_at) WHERE NOT done AND lease_until IS NULL");
        pg.exec("ceiling", "INSERT INTO queue (due_at) SELECT now() - interval '1 day' + g * interval '1 ms' "
                + "FROM generate_series(1, 1000000) g");
        pg.exec("ceiling", "VACUUM ANALYZE");
        double one = run(pgbench, pg, scripts.resolve("update-insert.sql"), 1, seconds, log);
        double many = run(pgbench, pg, scripts.resolve("update-insert.sql"), 32, seconds, log);
        double batches = run(pgbench, pg, scripts.resolve("claim-complete.sql"), 8, seconds, log);
        return new JsonObject().put("tool", "pgbench").put("seconds", seconds)
                .put("updateInsertTps1", round(one)).put("updateInsertTps32", round(many))
                .put("claimCompleteRowsPerSecond", round(batches * 100)).put("claimCompleteStatementsPerSecond",
                        round(batches * 2));
    }

    private static double run(String pgbench, Pg pg, Path script, int clients, int seconds, Path log) {
        List<String> command = new ArrayList<>(List.of(pgbench, "-n", "-h", "127.0.0.1", "-p", String.valueOf(pg.port()),
                "-U", "postgres", "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)),
                "-T", String.valueOf(seconds), "-M", "prepared", "-f", script.toString(), "ceiling"));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            Files.writeString(log, String.join(" ", command) + "\n" + out + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Matcher m = TPS.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("pgbench gave no tps:\n" + out);
            }
            System.out.printf("ceiling %s on %d connection(s): %s tps%n", script.getFileName(), clients, m.group(1));
            return Double.parseDouble(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** pgbench from PATH or PostgreSQL's usual install places (Debian's postgresql package ships it). */
    static String pgbench() {
        List<String> candidates = new ArrayList<>(List.of("/usr/bin/pgbench", "/usr/local/bin/pgbench"));
        for (int v = 20; v >= 12; v--) {
            candidates.add("/usr/lib/postgresql/" + v + "/bin/pgbench");
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(0, dir + "/pgbench");
        }
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst().orElseThrow(() ->
                new IllegalStateException("pgbench is needed for the ceiling step (apt-get install postgresql)"));
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
