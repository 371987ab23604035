package io.parley.config;

import java.util.Objects;

/**
 * The HTTP server: address and port to listen on (0 = any free port), the largest request body accepted, and how
 * many server verticles share the port (each on an event loop of its own).
 */
public record Http(String host, int port, int maxBodyBytes, int instances) {

    public Http {
        Objects.requireNonNull(host, "host");
    }

    /** One server verticle per CPU core. */
    public Http(String host, int port, int maxBodyBytes) {
        this(host, port, maxBodyBytes, 0);
    }

    /** How many server verticles run: the setting, or one per CPU core when it is 0. */
    public int verticles() {
        return instances > 0 ? instances : Runtime.getRuntime().availableProcessors();
    }

    static Http read(ConfigReader r) {
        return new Http(
                r.get(Setting.HTTP_HOST, ConfigValues.host()),
                r.get(Setting.HTTP_PORT, ConfigValues.listenPort()),
                r.get(Setting.HTTP_MAX_BODY_BYTES, ConfigValues.positiveInt()),
                r.get(Setting.HTTP_INSTANCES, ConfigValues.nonNegativeInt()));
    }

    /** The same server listening on another port. */
    Http onPort(int other) {
        return new Http(host, other, maxBodyBytes, instances);
    }

    /** The base URL of a server listening on this machine, the default for public.baseUrl. */
    static String localUrl(int port) {
        return "http://localhost:" + port;
    }
}
