package io.parley.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark runs: PostgreSQL, the simulators' process, and Parley started as in production (java -jar with
 * the documented JVM options, configured by environment variables) and restarted between scenarios as needed.
 */
final class Stack implements AutoCloseable {
    /** The JVM options the README documents for production (a bounded heap and bounded native areas). */
    static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx384m", "-XX:+UseParallelGC",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=96m", "-XX:MaxDirectMemorySize=64m", "-Xss512k");

    final Path repo;
    final Path work;
    final Pg pg;
    final Vertx vertx = Vertx.vertx();
    private final WebClient http;
    private Launched simulators;
    String twilioBaseUrl;
    String twilioSid;
    String twilioToken;
    private int smtpPort;
    private int statsPort;
    private Launched parley;
    private int parleyPort;
    private int starts;

    Stack(Path repo, Path work, Pg pg) {
        this.repo = repo;
        this.work = work;
        this.pg = pg;
        this.http = WebClient.create(vertx);
    }

    void startSimulators() {
        simulators = Launched.java("simulators", List.of("-Xmx1g", "-XX:+UseParallelGC"),
                List.of("-cp", classpath(), "io.parley.bench.SimulatorProcess"),
                Map.of("TWILIO_SIM_DELIVERY_DELAY", "PT1S"), null);
        String[] f = simulators.awaitLine("simulators ", work.resolve("simulators.log")).split(" ");
        twilioBaseUrl = f[1];
        twilioSid = f[2];
        twilioToken = f[3];
        smtpPort = Integer.parseInt(f[4]);
        statsPort = Integer.parseInt(f[5]);
        System.out.println("simulators: Twilio " + twilioBaseUrl + ", SMTP port " + smtpPort);
    }

    /** Starts Parley with the bench settings plus these (dotted keys); returns its HTTP port once it is ready. */
    int startParley(Map<String, String> settings) {
        stopParley();
        parleyPort = io.parley.FreePorts.pick();
        Map<String, String> all = new HashMap<>(Map.of(
                "http.port", String.valueOf(parleyPort), "public.baseUrl", "http://127.0.0.1:" + parleyPort,
                "api.key", Load.KEY, "data.dir", work.resolve("data").toString(),
                "database.url", "postgresql://postgres@127.0.0.1:" + pg.port() + "/parley",
                "paths.sequences", repo.resolve("bench/conf/sequences").toString(),
                "sms.twilio.accountSid", twilioSid, "sms.twilio.authToken", twilioToken,
                "sms.twilio.baseUrl", twilioBaseUrl, "email.smtp.host", "127.0.0.1"));
        all.put("email.smtp.port", String.valueOf(smtpPort));
        all.put("email.smtp.startTls", "false");
        all.put("database.poolSize", "16");
        all.putAll(settings);
        Map<String, String> env = new HashMap<>();
        all.forEach((k, v) -> env.put(envVar(k), v));
        List<String> main = List.of("-jar", repo.resolve("target/parley.jar").toString());
        List<String> jvm = new java.util.ArrayList<>(JVM_OPTIONS);
        if (System.getenv("BENCH_PARLEY_JFR") != null) {
            jvm.add("-XX:FlightRecorderOptions=stackdepth=256");
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + work.resolve("parley-" + (starts + 1)
                    + ".jfr"));
        }
        parley = Launched.java("parley", jvm, main, env, work.resolve("parley-" + (++starts) + ".log"));
        parley.awaitReady("http://127.0.0.1:" + parleyPort + "/health/ready", Duration.ofSeconds(120));
        return parleyPort;
    }

    /** The variable that overrides a setting: dots to underscores, camelCase split, upper case, PARLEY_ first. */
    static String envVar(String key) {
        return "PARLEY_" + key.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();
    }

    void stopParley() {
        if (parley != null) {
            saveMetrics(work.resolve("parley-" + starts + ".metrics"));
            parley.close();
            parley = null;
        }
    }

    /** Parley's Prometheus metrics as they stand (the dispatch stage timers among them), kept beside its log. */
    void saveMetrics(Path to) {
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            var answer = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + parleyPort + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofFile(to));
            if (answer.statusCode() != 200) {
                System.err.println("metrics: HTTP " + answer.statusCode());
            }
        } catch (java.io.IOException e) {
            System.err.println("metrics not saved: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int parleyPort() {
        return parleyPort;
    }

    long parleyPid() {
        return parley.pid();
    }

    /** CPU seconds so far of Parley, PostgreSQL (all its processes) and the simulators. */
    double[] cpu() {
        return new double[]{parley == null ? 0 : Procs.cpu(parley.pid()), Procs.treeCpu(pg.pid()),
            Procs.cpu(simulators.pid())};
    }

    /** Messages the simulators have taken so far: SMS and email. */
    long[] received() {
        JsonObject c = get("/counts");
        return new long[]{c.getLong("sms"), c.getLong("email")};
    }

    /** What the simulators received from the given time on (epoch microseconds): address and time, per channel. */
    JsonObject receivedSince(long micros) {
        return get("/stats?since=" + micros);
    }

    private JsonObject get(String path) {
        return http.get(statsPort, "127.0.0.1", path).send().toCompletionStage().toCompletableFuture().join()
                .bodyAsJsonObject();
    }

    String classpath() {
        return repo.resolve("target/parley.jar") + ":" + repo.resolve("bench/target/classes");
    }

    @Override
    public void close() {
        stopParley();
        if (simulators != null) {
            simulators.close();
        }
        http.close();
        vertx.close();
    }
}
