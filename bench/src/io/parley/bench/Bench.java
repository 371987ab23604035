package io.parley.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The throughput benchmark, one command (bench/run): a durable PostgreSQL, its ceiling measured with pgbench,
 * the simulators in a process of their own, Parley as in production, and the scenarios in order (enrol, drain,
 * lag, replies, crash, window edge, memory), each appending one JSON line to bench/results/results.jsonl. Every loop is
 * bounded: counts and deadlines, never "until it stops".
 *
 * <p>Arguments: {@code --scale F} multiplies every count (default 1: 150,000 drained, 100,000 at the window edge,
 * 1,000,000 scheduled); {@code --only a,b} runs some scenarios (enrol and drain always run: the rest use their
 * debtors and rates).
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        double scale = 1;
        List<String> only = List.of("replies", "lag", "window", "memory");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--scale")) {
                scale = Double.parseDouble(args[++i]);
            } else if (args[i].equals("--only")) {
                only = Arrays.asList(args[++i].split(","));
            }
        }
        Path repo = Path.of("").toAbsolutePath();
        Path work = repo.resolve("bench/work");
        clean(work);
        Files.createDirectories(work);
        long started = System.nanoTime();
        try (Pg pg = Pg.start(work.resolve("pg"))) {
            JsonObject settings = new JsonObject(new java.util.LinkedHashMap<>(pg.requireDurable()));
            JsonObject ceiling = Ceiling.measure(pg, repo.resolve("bench/ceiling"), Integer.parseInt(System.getenv().getOrDefault("BENCH_CEILING_SECONDS", "10")), work.resolve("pgbench.log"));
            JsonObject context = new JsonObject().put("revision", Report.revision(repo)).put("machine", Report.machine())
                    .put("postgres", settings).put("ceiling", ceiling).put("scale", scale)
                    .put("parleyJvmOptions", String.join(" ", Stack.JVM_OPTIONS));
            Report report = new Report(repo.resolve("bench/results/results.jsonl"), context);
            report.write("ceiling", ceiling, new JsonObject());
            try (Stack stack = new Stack(repo, work, pg)) {
                stack.startSimulators();
                Scenarios scenarios = new Scenarios(stack, report, ceiling, scale);
                scenarios.enrolAndDrain();
                if (only.contains("lag")) {
                    scenarios.lag();
                }
                if (only.contains("replies")) {
                    new Replies(stack, report, ceiling, scale).run(scenarios.smsPhones());
                }
                if (!Arrays.asList(args).contains("--only") || only.contains("crash")) {
                    new Crash(stack, report, scale).run();
                }
                if (only.contains("window")) {
                    new WindowEdge(stack, report, scale).run(scenarios.bulkRate(), scenarios.drainRate());
                }
                if (only.contains("memory")) {
                    new Memory(stack, report, scale).run();
                }
            }
        }
        System.out.printf("benchmark done in %.0f s%n", (System.nanoTime() - started) / 1e9);
        System.exit(0);
    }

    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
