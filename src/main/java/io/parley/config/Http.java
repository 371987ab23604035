package io.parley.config;

import java.util.Objects;

/** The HTTP server: address and port to listen on (0 = any free port), and the largest request body accepted. */
public record Http(String host, int port, int maxBodyBytes) {

    public Http {
        Objects.requireNonNull(host, "host");
    }

    static Http read(ConfigReader r) {
        return new Http(
                r.get(Setting.HTTP_HOST, ConfigValues.host()),
                r.get(Setting.HTTP_PORT, ConfigValues.listenPort()),
                r.get(Setting.HTTP_MAX_BODY_BYTES, ConfigValues.positiveInt()));
    }

    /** The base URL of a server listening on this machine, the default for public.baseUrl. */
    static String localUrl(int port) {
        return "http://localhost:" + port;
    }
}
