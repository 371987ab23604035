package io.parley.outbox;

import io.parley.http.AddressMasking;
import io.parley.lifecycle.Loop;
import io.parley.store.CaseEventFeed;
import io.parley.store.FeedCursor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * One open event stream: polls the feed from its cursor and writes what it finds as server-sent events, with a
 * heartbeat comment now and then, until the client goes away (then it undeploys itself).
 */
final class EventStream extends VerticleBase {
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration AFTER_FAILURE = Duration.ofSeconds(2);
    static final int PAGE = 200;

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final Pool pool;
    private final HttpServerResponse response;
    /** Whether the caller's key may not see contact addresses: each event is masked before it is written. */
    private final boolean masked;
    private FeedCursor cursor;
    private volatile boolean closed;
    private volatile Promise<Boolean> drained;
    private Loop polls;
    private Loop heartbeats;

    EventStream(Pool pool, HttpServerResponse response, FeedCursor from, boolean masked) {
        this.pool = pool;
        this.response = response;
        this.cursor = from;
        this.masked = masked;
    }

    @Override
    public Future<?> start() {
        heartbeats = new Loop(vertx, HEARTBEAT, () -> {
            if (!closed) {
                response.write(": heartbeat\n\n");
            }
            return Future.succeededFuture(false);
        }).startAfterInterval();
        polls = new Loop(vertx, POLL, AFTER_FAILURE, this::poll).startNow();
        response.closeHandler(v -> close());
        response.exceptionHandler(e -> close());
        if (response.closed()) {
            close();
        } else {
            // sends the headers at once, and asks clients to reconnect after a second
            response.write("retry: 1000\n\n");
        }
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        stopWriting();
        return Future.all(polls.stop(), heartbeats.stop());
    }

    /** Writes the events after the cursor; more at once when a page came full or the client had to catch up. */
    private Future<Boolean> poll() {
        if (closed) {
            return Future.succeededFuture(false);
        }
        return CaseEventFeed.after(pool, cursor, PAGE)
                .onFailure(e -> LOG.warn("Reading the event feed for a stream failed; trying again", e))
                .compose(page -> {
                    if (closed) {
                        return Future.succeededFuture(false);
                    }
                    for (CaseEventFeed.Event e : page.events()) {
                        response.write("id: " + e.cursor() + "\nevent: " + e.type() + "\ndata: "
                                + (masked ? AddressMasking.json(e.payload()) : e.payload()).encode() + "\n\n");
                        cursor = e.cursor();
                    }
                    if (response.writeQueueFull()) {
                        Promise<Boolean> written = Promise.promise();
                        drained = written;
                        response.drainHandler(v -> {
                            response.drainHandler(null);
                            written.tryComplete(true);
                        });
                        return closed ? Future.succeededFuture(false) : written.future();
                    }
                    return Future.succeededFuture(page.events().size() == PAGE);
                });
    }

    /** The client went away: the stream stops and undeploys itself. */
    private void close() {
        if (!closed) {
            stopWriting();
            vertx.undeploy(deploymentID()).onFailure(e -> LOG.debug("The stream was undeployed already", e));
        }
    }

    private void stopWriting() {
        closed = true;
        Promise<Boolean> waiting = drained;
        if (waiting != null) {
            waiting.tryComplete(false);
        }
    }
}
