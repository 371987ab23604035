package io.parley.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A JVM the benchmark started: Parley, or the simulators; its log goes to a file under the work directory. */
final class Launched implements AutoCloseable {
    private final Process process;
    private final String name;

    private Launched(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    static Launched java(String name, List<String> jvmOptions, List<String> mainAndArgs, Map<String, String> env,
                         Path log) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (log != null) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        builder.environment().putAll(env);
        try {
            return new Launched(builder.start(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** The first line of standard output starting with the prefix (the simulators print their addresses). */
    String awaitLine(String prefix, Path log) {
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(prefix)) {
                    Thread drain = new Thread(() -> {
                        try (var w = java.nio.file.Files.newBufferedWriter(log)) {
                            for (String l = out.readLine(); l != null; l = out.readLine()) {
                                w.write(l);
                                w.newLine();
                                w.flush();
                            }
                        } catch (IOException e) {
                            // the process ended
                        }
                    }, name + "-out");
                    drain.setDaemon(true);
                    drain.start();
                    return line;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(name + " ended before it was ready");
    }

    /** Waits until GET url answers 200. */
    void awaitReady(String url, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout);
    }

    /** Stops it as an operator would (SIGTERM, its shutdown hook runs), killing it after a minute. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
