package io.parley.channel.email;

import io.parley.config.ConfigValues;
import io.parley.config.Secret;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;

import java.util.List;

import java.time.Duration;
import java.util.Objects;

/**
 * The mailbox replies to the reply domain arrive in, read over IMAP (a catch-all for reply+...@replyDomain). Without
 * a host nothing is polled: replies can still come in through the inbound email webhook.
 */
public record Imap(String host, int port, boolean ssl, String user, Secret password, String folder,
                   Duration pollInterval) {
    static final Setting HOST = Setting.of("email.imap.host", "");
    static final Setting PORT = Setting.of("email.imap.port", "993");
    static final Setting SSL = Setting.of("email.imap.ssl", "true");
    static final Setting USER = Setting.of("email.imap.user", "");
    static final Setting PASSWORD = Setting.secret("email.imap.password", "");
    static final Setting FOLDER = Setting.of("email.imap.folder", "INBOX");
    static final Setting POLL_INTERVAL = Setting.of("email.imap.pollInterval", "PT30S");
    static final List<Setting> SETTINGS = List.of(HOST, PORT, SSL, USER, PASSWORD, FOLDER, POLL_INTERVAL);

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

    static Imap read(SettingsReader r) {
        return new Imap(
                r.get(HOST, ConfigValues.optionalHost()),
                r.get(PORT, ConfigValues.remotePort()),
                r.get(SSL, ConfigValues.bool()),
                r.get(USER, ConfigValues.text()),
                r.get(PASSWORD, ConfigValues.secret()),
                r.get(FOLDER, ConfigValues.required()),
                r.get(POLL_INTERVAL, ConfigValues.positiveDuration()));
    }
}
