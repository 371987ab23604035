package io.parley.testing;

import io.parley.FreePorts;
import io.parley.config.Setting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Parley in a separate JVM, started the way an operator starts it (io.parley.Main, configured by environment
 * variables), so tests can share one database between processes and kill one without warning.
 */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a process with the harness's settings plus the given ones (dotted keys), and waits until it is ready. */
    public static ServiceProcess start(ServiceHarness harness, Map<String, String> settings) {
        int port = FreePorts.pick();
        Map<String, String> all = new HashMap<>(harness.settings(settings));
        all.put("http.port", String.valueOf(port));
        all.put("public.baseUrl", "http://127.0.0.1:" + port);
        all.put("api.key", ServiceHarness.ADMIN_KEY);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.parley.Main");
        all.forEach((key, value) -> builder.environment().put(Setting.byKey(key).orElseThrow().envVar(), value));
        try {
            Path log = ScratchDirs.create("parley-process").resolve("service.log");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            ServiceProcess started = new ServiceProcess(builder.start(), port, log);
            started.awaitReady(Duration.ofSeconds(60));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Kills the process at once, as a crash or an OOM-killer would: nothing gets to finish. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends SIGTERM, as an orchestrator stopping the service does, and waits up to {@code within} for the exit code. */
    public int terminate(Duration within) {
        process.destroy();
        try {
            if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                kill();
                throw new AssertionError("Parley did not exit within " + within + " of SIGTERM:\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** POSTs a JSON body with the admin key; the status code. */
    public int post(String path, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + ServiceHarness.ADMIN_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    public String get(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Parley process exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (get("/health/ready").contains("\"ready\"")) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            ServiceHarness.sleep(200);
        }
        kill();
        throw new AssertionError("Parley process not ready within " + timeout + ":\n" + log());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
