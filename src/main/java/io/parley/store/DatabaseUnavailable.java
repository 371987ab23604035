package io.parley.store;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure means the database cannot be reached for now (refused or lost connections, a server shutting
 * down or starting, no free connection in time) rather than a fault in the request or the code: callers answer
 * 503 with Retry-After, and loops wait and try again.
 */
public final class DatabaseUnavailable {
    /** What to tell callers to wait before they try again. */
    public static final int RETRY_AFTER_SECONDS = 5;
    /** Server shutting down or starting, too many connections, database not accepting connections. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "55000");
    private static final int MAX_DEPTH = 10;

    private DatabaseUnavailable() {
    }

    public static boolean is(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException
                    || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof DatabaseException db && db.getSqlState() != null
                    && (db.getSqlState().startsWith("08") || STATES.contains(db.getSqlState()))) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("Connection reset")) {
                return true;
            }
            if (t.getClass().getSimpleName().contains("Timeout") && t.getClass().getName().startsWith("io.vertx")) {
                return true; // no connection came free from the pool in time
            }
        }
        return false;
    }
}
