package io.parley.simulator.twilio;

import java.net.URI;
import java.net.URISyntaxException;

/** Whether a URL given to Twilio is one it can call: absolute http or https with a host. */
final class WebhookUrls {
    private WebhookUrls() {
    }

    static boolean isValid(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
