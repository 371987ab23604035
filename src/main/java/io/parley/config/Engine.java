package io.parley.config;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * How the collection engine hears about case events. Every event can always be pulled (GET /v1/events); with a
 * webhookUrl they are also pushed to it, one case at a time in order, each POST signed the Standard Webhooks way
 * with webhookSecret ("whsec_" and the base64 key). timeout bounds one POST; a case whose delivery fails is tried
 * again after an exponential backoff of at most maxBackoff; batchSize bounds the cases delivered at once.
 */
public record Engine(String webhookUrl, Secret webhookSecret, Duration timeout, Duration maxBackoff, int batchSize) {

    /** The prefix of a Standard Webhooks secret; the rest is the base64 of the key. */
    public static final String SECRET_PREFIX = "whsec_";
    /** Key sizes the Standard Webhooks specification allows, in bytes. */
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;
    /** The first retry waits this long; backoff doubles from here up to maxBackoff. */
    static final Duration MIN_BACKOFF = Duration.ofSeconds(1);

    public Engine {
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /** Whether events are pushed to a webhook (otherwise they are only available by pull). */
    public boolean webhook() {
        return !webhookUrl.isEmpty();
    }

    /** The built-in defaults: no webhook. */
    public static Engine defaults() {
        return read(new ConfigReader(Map.of(), new Problems()));
    }

    static Engine read(ConfigReader r) {
        String url = r.get(Setting.ENGINE_WEBHOOK_URL, text -> {
            if (!text.isEmpty()) {
                ConfigValues.httpUrl().parse(text);
            }
            return text;
        });
        Secret secret = r.get(Setting.ENGINE_WEBHOOK_SECRET, text -> {
            if (!text.isEmpty()) {
                checkSecret(text);
            }
            return Secret.of(text);
        });
        if (!url.isEmpty() && !r.isSet(Setting.ENGINE_WEBHOOK_SECRET)) {
            r.problem(Setting.ENGINE_WEBHOOK_SECRET, "is required when " + Setting.ENGINE_WEBHOOK_URL.key() + " is set");
        }
        return new Engine(url, secret,
                r.get(Setting.ENGINE_TIMEOUT, ConfigValues.positiveDuration()),
                r.get(Setting.ENGINE_MAX_BACKOFF, text -> {
                    Duration d = ConfigValues.positiveDuration().parse(text);
                    if (d.compareTo(MIN_BACKOFF) < 0) {
                        throw new IllegalArgumentException("is shorter than the first retry delay (at least PT1S)");
                    }
                    return d;
                }),
                r.get(Setting.ENGINE_BATCH_SIZE, ConfigValues.positiveInt()));
    }

    /** A Standard Webhooks secret: "whsec_" then the base64 of a key of 24 to 64 bytes. */
    private static void checkSecret(String text) {
        String expected = "is not a webhook secret (whsec_ followed by the base64 of a " + MIN_KEY_BYTES + " to "
                + MAX_KEY_BYTES + " byte key)";
        if (!text.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException(expected);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(expected, e);
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException(expected);
        }
    }
}
