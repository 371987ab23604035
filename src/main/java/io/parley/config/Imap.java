package io.parley.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The mailbox replies to the reply domain arrive in, read over IMAP (a catch-all for reply+...@replyDomain). Without
 * a host nothing is polled: replies can still come in through the inbound email webhook.
 */
public record Imap(String host, int port, boolean ssl, String user, Secret password, String folder,
                   Duration pollInterval) {

    public Imap {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    public boolean enabled() {
        return !host.isEmpty();
    }

    static Imap read(ConfigReader r) {
        return new Imap(
                r.get(Setting.EMAIL_IMAP_HOST, ConfigValues.optionalHost()),
                r.get(Setting.EMAIL_IMAP_PORT, ConfigValues.remotePort()),
                r.get(Setting.EMAIL_IMAP_SSL, ConfigValues.bool()),
                r.get(Setting.EMAIL_IMAP_USER, ConfigValues.text()),
                r.get(Setting.EMAIL_IMAP_PASSWORD, ConfigValues.secret()),
                r.get(Setting.EMAIL_IMAP_FOLDER, ConfigValues.required()),
                r.get(Setting.EMAIL_IMAP_POLL_INTERVAL, ConfigValues.positiveDuration()));
    }
}
