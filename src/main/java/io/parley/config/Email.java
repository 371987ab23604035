package io.parley.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The email channel. Without smtpHost mail goes to the local sandbox mail server. from is the RFC 5322 sender;
 * replies come back to addresses under replyDomain, which tie each reply to its case. workers bounds concurrent
 * SMTP sessions; timeout bounds each send; imap is where replies are read.
 */
public record Email(String smtpHost, int smtpPort, String user, Secret password, boolean startTls, String from,
                    String replyDomain, int workers, Duration timeout, Imap imap) {

    public Email {
        Objects.requireNonNull(smtpHost, "smtpHost");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(replyDomain, "replyDomain");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(imap, "imap");
    }

    public boolean sandbox() {
        return smtpHost.isEmpty();
    }

    static Email read(ConfigReader r) {
        return new Email(
                r.get(Setting.EMAIL_SMTP_HOST, ConfigValues.optionalHost()),
                r.get(Setting.EMAIL_SMTP_PORT, ConfigValues.remotePort()),
                r.get(Setting.EMAIL_SMTP_USER, ConfigValues.text()),
                r.get(Setting.EMAIL_SMTP_PASSWORD, ConfigValues.secret()),
                r.get(Setting.EMAIL_SMTP_START_TLS, ConfigValues.bool()),
                r.get(Setting.EMAIL_FROM, ConfigValues.mailbox()),
                r.get(Setting.EMAIL_REPLY_DOMAIN, ConfigValues.domain()),
                r.get(Setting.EMAIL_WORKERS, ConfigValues.positiveInt()),
                r.get(Setting.EMAIL_TIMEOUT, ConfigValues.positiveDuration()),
                Imap.read(r));
    }
}
