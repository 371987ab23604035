package io.parley.store;

import io.parley.domain.Channel;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;

/**
 * How busy a channel is across every instance: attempts started in the last second and attempts still in progress
 * (not final, and started within the longest an attempt may last). Read under a lock per channel held to the end
 * of the caller's transaction, so two instances deciding at once see each other's attempts.
 */
public final class ChannelLoad {
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('parley.pacing:' || $1, 0))";
    private static final String LOAD = """
            SELECT count(*) FILTER (WHERE created_at > $2) AS last_second,
                   count(*) FILTER (WHERE status_rank < 3) AS in_progress
            FROM attempt WHERE channel = $1 AND created_at > $3""";

    private ChannelLoad() {
    }

    /** Attempts of a channel started in the last second, and those in progress. */
    public record Load(int lastSecond, int inProgress) {
    }

    public static Future<Load> lockAndRead(SqlClient sql, Channel channel, Instant now, Duration longest) {
        // sent together: the connection runs the read after the lock is held
        Future<?> locked = sql.preparedQuery(LOCK).execute(Tuple.of(channel.wire()));
        Future<io.vertx.sqlclient.RowSet<Row>> load = sql.preparedQuery(LOAD).execute(Tuple.of(channel.wire(),
                Rows.ts(now.minusSeconds(1)), Rows.ts(now.minus(longest))));
        return Future.all(locked, load).map(both -> load.result())
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Load(r.getLong("last_second").intValue(), r.getLong("in_progress").intValue());
                });
    }
}
