package io.parley.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The local stand-ins for Twilio and the mail server, used when those channels are not configured. Ports of 0
 * pick free ports. deliveryDelay is how long the simulated provider waits before reporting a delivery status.
 */
public record Simulators(String host, int twilioPort, int smtpPort, int imapPort, Duration deliveryDelay) {

    public Simulators {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(deliveryDelay, "deliveryDelay");
    }

    static Simulators read(ConfigReader r) {
        return new Simulators(
                r.get(Setting.SIMULATORS_HOST, ConfigValues.host()),
                r.get(Setting.SIMULATORS_TWILIO_PORT, ConfigValues.listenPort()),
                r.get(Setting.SIMULATORS_SMTP_PORT, ConfigValues.listenPort()),
                r.get(Setting.SIMULATORS_IMAP_PORT, ConfigValues.listenPort()),
                r.get(Setting.SIMULATORS_DELIVERY_DELAY, ConfigValues.nonNegativeDuration()));
    }
}
