package io.parley.channel;

import io.parley.config.Simulators;
import io.parley.observability.Metrics;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/**
 * What the service lends a channel module when it starts: Vert.x, the database pool (for the module's own store
 * package), the public URL providers call back on, where local simulators listen, metrics, bounded provider pools
 * with circuit breakers, and the services through which provider news reaches the rest of Parley.
 *
 * @param simulators where local simulators listen and how long a simulated provider waits before it reports
 */
public record ChannelContext(Vertx vertx, Pool pool, String publicBaseUrl, Simulators simulators, Metrics metrics,
                             ProviderPools providers, ChannelServices services, Clock clock) {
}
