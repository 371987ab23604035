package io.parley.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP server: address and port to listen on (0 = any free port), the largest request body accepted, how many
 * server verticles share the port (each on an event loop of its own), and the rest of its limits.
 */
public record Http(String host, int port, int maxBodyBytes, int instances, Limits limits) {

    /**
     * What one request may be and how long it may take: the request line and the headers (431 / 414 beyond them,
     * refused by the server before any route runs), the fields of a provider's form post (count and size of one
     * field, refused 413 before the signature is computed), how long a connection may sit idle, how long the whole
     * request may take to arrive (a body trickled in slower is cut off with 408), and how soon a route must have
     * started its answer (after that the request is answered 500 and logged as lost).
     */
    public record Limits(int maxRequestLineBytes, int maxHeaderBytes, int maxFormFields, int maxFormFieldBytes,
                         Duration idleTimeout, Duration readTimeout, Duration answerTimeout) {
        public static final Limits DEFAULTS = new Limits(4096, 8192, 100, 8192, Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofSeconds(30));

        public Limits {
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(readTimeout, "readTimeout");
            Objects.requireNonNull(answerTimeout, "answerTimeout");
        }

        static Limits read(ConfigReader r) {
            return new Limits(
                    r.get(Setting.HTTP_MAX_REQUEST_LINE_BYTES, ConfigValues.range(256, 65536, "is not a number of bytes from 256 to 65536")),
                    r.get(Setting.HTTP_MAX_HEADER_BYTES, ConfigValues.range(1024, 262144, "is not a number of bytes from 1024 to 262144")),
                    r.get(Setting.HTTP_MAX_FORM_FIELDS, ConfigValues.positiveInt()),
                    r.get(Setting.HTTP_MAX_FORM_FIELD_BYTES, ConfigValues.positiveInt()),
                    r.get(Setting.HTTP_IDLE_TIMEOUT, ConfigValues.positiveDuration()),
                    r.get(Setting.HTTP_READ_TIMEOUT, ConfigValues.positiveDuration()),
                    r.get(Setting.HTTP_ANSWER_TIMEOUT, ConfigValues.positiveDuration()));
        }
    }

    public Http {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(limits, "limits");
    }

    /** One server verticle per CPU core, the default limits. */
    public Http(String host, int port, int maxBodyBytes) {
        this(host, port, maxBodyBytes, 0, Limits.DEFAULTS);
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
                r.get(Setting.HTTP_INSTANCES, ConfigValues.nonNegativeInt()),
                Limits.read(r));
    }

    /** The same server listening on another port. */
    Http onPort(int other) {
        return new Http(host, other, maxBodyBytes, instances, limits);
    }

    /** The base URL of a server listening on this machine, the default for public.baseUrl. */
    static String localUrl(int port) {
        return "http://localhost:" + port;
    }
}
