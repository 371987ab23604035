package io.parley;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How the service process stops. SIGTERM (and SIGINT) drain the instance - readiness false, nothing new claimed, the
 * sends under way answered and recorded within shutdown.grace - close it, and exit 0 (1 when it could not close in
 * time). Any other exit the JVM sees (System.exit, SIGHUP) closes it the same way from a shutdown hook. Installed
 * before the instance starts, so a stop during the start waits for it and then closes what started.
 */
final class ProcessStop {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessStop.class);
    /** Beyond the grace: closing channels, the HTTP server, the database. */
    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(20);
    private static final Duration START_WAIT = Duration.ofMinutes(2);

    private final CompletableFuture<Parley> started = new CompletableFuture<>();
    private final CompletableFuture<Boolean> stopped = new CompletableFuture<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Duration grace;

    private ProcessStop(Duration grace) {
        this.grace = grace;
    }

    /** Handles SIGTERM and SIGINT and adds the shutdown hook; then hand it the instance's start. */
    static ProcessStop install(Duration grace) {
        ProcessStop stop = new ProcessStop(grace);
        for (String name : new String[]{"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                LOG.info("SIG{}: draining (grace {})", name, grace);
                // exit on a thread of its own once closed: System.exit waits for the shutdown hooks
                stop.stop().thenAccept(closed -> new Thread(() -> System.exit(closed ? 0 : 1), "parley-exit").start());
            });
        }
        // the JVM halts once its shutdown hooks return, so this hook (its own thread, never an event loop) is the one
        // place that waits: for the drain and close a signal or another exit started
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.stop().join(), "parley-stop"));
        return stop;
    }

    /** The instance's start: once it has started, a stop closes it; a failed start leaves nothing to close. */
    void starting(Future<Parley> start) {
        start.onComplete(ar -> {
            if (ar.succeeded()) {
                started.complete(ar.result());
            } else {
                started.complete(null);
            }
        });
    }

    /**
     * Drains and closes the instance once, whoever asks first; every caller gets whether it closed in time (true also
     * when a failed start left nothing to close).
     */
    private CompletableFuture<Boolean> stop() {
        if (stopping.compareAndSet(false, true)) {
            Duration bound = grace.plus(CLOSE_MARGIN);
            started.copy().orTimeout(START_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .thenCompose(parley -> parley == null ? CompletableFuture.completedFuture(false)
                            : parley.close().map(true).toCompletionStage().toCompletableFuture()
                                    .orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS))
                    .handle((closed, err) -> {
                        if (err == null) {
                            if (closed) {
                                LOG.info("Parley stopped");
                            }
                            return true;
                        }
                        Throwable cause = err instanceof CompletionException ? err.getCause() : err;
                        if (cause instanceof TimeoutException) {
                            LOG.warn("Parley did not stop within the shutdown grace of {} plus {}", grace, CLOSE_MARGIN);
                        } else {
                            LOG.warn("Parley did not stop cleanly", cause);
                        }
                        return false;
                    })
                    .thenAccept(stopped::complete);
        }
        return stopped;
    }
}
