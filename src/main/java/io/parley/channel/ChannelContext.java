package io.parley.channel;

import io.parley.config.Simulators;
import io.parley.observability.Metrics;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/**
 * What the service lends a channel module when it starts: Vert.x, the database pool (for the module's own store
 * package), the public URL providers call back on, where local simulators listen, metrics, bounded provider pools
 * with circuit breakers, the services through which provider news reaches the rest of Parley, and the bounds of a
 * provider's form post ({@code http.maxBodyBytes}, {@code http.maxFormFields}, {@code http.maxFormFieldBytes}).
 *
 * @param simulators where local simulators listen and how long a simulated provider waits before it reports
 */
public record ChannelContext(Vertx vertx, Pool pool, String publicBaseUrl, Simulators simulators, Metrics metrics,
                             ProviderPools providers, ChannelServices services, Clock clock,
                             ProviderForm.Limits forms) {

    /** A context whose provider forms have the default bounds. */
    public ChannelContext(Vertx vertx, Pool pool, String publicBaseUrl, Simulators simulators, Metrics metrics,
                          ProviderPools providers, ChannelServices services, Clock clock) {
        this(vertx, pool, publicBaseUrl, simulators, metrics, providers, services, clock, ProviderForm.Limits.DEFAULTS);
    }
}
