package io.parley.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * One JSON line per scenario, appended to bench/results/results.jsonl: the figures, their ratios to the ceiling,
 * and what they were measured on (machine, load, PostgreSQL settings, git revision, JVM options).
 */
final class Report {
    private final Path file;
    private final JsonObject context;

    Report(Path file, JsonObject context) {
        this.file = file;
        this.context = context;
    }

    void write(String scenario, JsonObject figures, JsonObject ratios) {
        JsonObject line = new JsonObject().put("scenario", scenario).put("at", Instant.now().toString())
                .put("figures", figures).put("ratios", ratios).put("loadAverage", loadAverage())
                .mergeIn(context);
        if (System.getenv("BENCH_PARLEY_JFR") != null) {
            line.put("note", "profiled run (Parley under a JFR recording): not a published figure");
        }
        System.out.println(scenario + ": " + figures.encode() + " ratios " + ratios.encode());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line.encode() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The machine as /proc and the JVM describe it. */
    static JsonObject machine() {
        JsonObject m = new JsonObject().put("cpus", Runtime.getRuntime().availableProcessors())
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.put("cpuModel", line.substring(line.indexOf(':') + 1).trim());
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    m.put("memoryGiB", Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0 * 10) / 10.0);
                }
            }
        } catch (IOException e) {
            m.put("cpuModel", "unknown");
        }
        return m;
    }

    /** The 1, 5 and 15 minute load averages: above the number of cores, other work shared the machine. */
    static List<Double> loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return List.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        } catch (IOException e) {
            return List.of();
        }
    }

    static String revision(Path repo) {
        try {
            Process p = new ProcessBuilder("git", "-C", repo.toString(), "describe", "--always", "--dirty").start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return out.isEmpty() ? "unknown" : out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static double r(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
