package io.parley.channel.sms;

import com.twilio.http.TwilioRestClient;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Twilio SDK clients that talk to a chosen base URL, one request per call, never retrying on their own. */
public final class TwilioClients {
    /** Where the real Twilio REST API lives. */
    public static final String TWILIO_API = "https://api.twilio.com";

    private TwilioClients() {
    }

    /**
     * A client for one account whose requests go to baseUrl (e.g. "https://api.twilio.com" or a simulator's
     * "http://127.0.0.1:41234") and give up after timeout. Its calls block: run them on a worker pool.
     */
    public static TwilioRestClient create(String accountSid, String authToken, String baseUrl, Duration timeout) {
        if (accountSid == null || accountSid.isBlank()) {
            throw new IllegalArgumentException("Twilio accountSid is missing");
        }
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("Twilio authToken is missing for account " + accountSid);
        }
        URI base;
        try {
            base = URI.create(baseUrl);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Twilio base URL '" + baseUrl + "' is not a URL", e);
        }
        return new TwilioRestClient.Builder(accountSid, authToken)
                .httpClient(new TwilioTransport(base, timeout))
                .build();
    }

    /**
     * How long the API asked to wait before trying again, from the Retry-After of the response the calling thread's
     * latest request got through this client; empty when it said nothing or the client is not one of these.
     */
    public static Optional<Duration> lastRetryAfter(TwilioRestClient client) {
        return client.getHttpClient() instanceof TwilioTransport transport
                ? transport.lastRetryAfter()
                : Optional.empty();
    }
}
