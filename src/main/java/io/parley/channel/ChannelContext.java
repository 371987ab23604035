package io.parley.channel;

import io.parley.observability.Metrics;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;

/**
 * What the service lends a channel module when it starts: Vert.x, the database pool (for the module's own store
 * package), the public URL providers call back on, where local simulators listen, metrics, bounded provider pools
 * with circuit breakers, and the services through which provider news reaches the rest of Parley.
 *
 * @param simulatorHost  the address local simulators bind to
 * @param simulatorDelay how long a simulated provider waits before it reports a status
 */
public record ChannelContext(Vertx vertx, Pool pool, String publicBaseUrl, String simulatorHost,
                             Duration simulatorDelay, Metrics metrics, ProviderPools providers,
                             ChannelServices services, Clock clock) {
}
