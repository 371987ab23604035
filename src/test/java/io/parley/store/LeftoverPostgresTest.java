package io.parley.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is found on an embedded data directory before its server starts (the live-server case: RestartTest). */
class LeftoverPostgresTest {
    @TempDir
    Path dir;

    @Test
    void nothingToDoWithoutAPidFile() {
        assertEquals(LeftoverPostgres.Found.NONE, LeftoverPostgres.clear(dir, Duration.ofSeconds(1)));
    }

    @Test
    void aPidFileOfAProcessThatIsGoneIsStale() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        pidFile(gone.pid(), dir);
        assertEquals(LeftoverPostgres.Found.STALE_PID_FILE, LeftoverPostgres.clear(dir, Duration.ofSeconds(1)));
        assertFalse(Files.exists(dir.resolve(LeftoverPostgres.PID_FILE)));
    }

    @Test
    void aPidFileNamingALiveProcessThatIsNoPostgresIsStale() throws IOException {
        pidFile(ProcessHandle.current().pid(), dir); // the pid was reused by another program: this JVM
        assertEquals(LeftoverPostgres.Found.STALE_PID_FILE, LeftoverPostgres.clear(dir, Duration.ofSeconds(1)));
        assertFalse(Files.exists(dir.resolve(LeftoverPostgres.PID_FILE)));
    }

    @Test
    void aServerLeftByADeadServiceIsStopped() throws Exception {
        // a process named postgres, alive, serving (by its pid file) this directory, with the directory's lock free
        Process server = new ProcessBuilder(copy("/bin/sleep").toString(), "30").start();
        try {
            awaitProgram(server);
            Files.createFile(dir.resolve(LeftoverPostgres.LOCK_FILE));
            pidFile(server.pid(), dir);
            assertEquals(LeftoverPostgres.Found.STOPPED, LeftoverPostgres.clear(dir, Duration.ofSeconds(10)));
            assertFalse(server.isAlive());
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void aServerThatWillNotStopFailsTheStartNamingIt() throws Exception {
        Process server = new ProcessBuilder(copy("/bin/bash").toString(), "-c",
                "trap '' TERM; echo ignoring; sleep 30; sleep 30").start();
        try {
            awaitProgram(server);
            // until it ignores SIGTERM: a signal before the trap is set would stop it
            assertEquals("ignoring", new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine());
            pidFile(server.pid(), dir);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> LeftoverPostgres.clear(dir, Duration.ofMillis(500)));
            assertTrue(e.getMessage().contains(String.valueOf(server.pid())), e.getMessage());
        } finally {
            server.destroyForcibly();
        }
    }

    /** Until the new process runs the program (right after the fork it is still this JVM). */
    private static void awaitProgram(Process process) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!process.info().command().map(c -> c.endsWith("/postgres")).orElse(false)) {
            assertTrue(System.nanoTime() < deadline, "the program did not start");
            Thread.sleep(10);
        }
    }

    /** A program copied under the name postgres. */
    private Path copy(String program) throws IOException {
        Path named = dir.resolve("bin").resolve("postgres");
        Files.createDirectories(named.getParent());
        Files.copy(Path.of(program), named);
        assertTrue(named.toFile().setExecutable(true));
        return named;
    }

    private static void pidFile(long pid, Path dir) throws IOException {
        Files.writeString(dir.resolve(LeftoverPostgres.PID_FILE), pid + "\n" + dir + "\n1733300000\n5432\n");
    }
}
