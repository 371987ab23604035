package io.parley;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
                System.exit(stop.stop() ? 0 : 1);
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop::stop, "parley-stop"));
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

    /** Drains and closes the instance once, whoever asks first; every caller gets whether it closed in time. */
    private boolean stop() {
        if (stopping.compareAndSet(false, true)) {
            stopped.complete(drainAndClose());
        }
        return stopped.join();
    }

    private boolean drainAndClose() {
        try {
            Parley parley = started.get(START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (parley == null) {
                return true;
            }
            Duration bound = grace.plus(CLOSE_MARGIN);
            // a signal handler's or shutdown hook's own thread, never an event loop: the JVM exits once it returns, so
            // it must wait here for the drain and close
            parley.close().toCompletionStage().toCompletableFuture().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Parley stopped");
            return true;
        } catch (TimeoutException e) {
            LOG.warn("Parley did not stop within the shutdown grace of {} plus {}", grace, CLOSE_MARGIN);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("Parley did not stop cleanly", e.getCause());
            return false;
        }
    }
}
