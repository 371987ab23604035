package io.parley.channel.email;

import io.parley.config.ConfigSection;
import io.parley.config.ConfigValues;
import io.parley.config.Secret;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;

import java.util.List;

import java.time.Duration;
import java.util.Objects;

/**
 * The email channel. Without smtpHost mail goes to the local sandbox mail server. from is the RFC 5322 sender;
 * replies come back to addresses under replyDomain, which tie each reply to its case. workers bounds concurrent
 * SMTP sessions; timeout bounds each send; imap is where replies are read.
 */
public record Email(String smtpHost, int smtpPort, String user, Secret password, boolean startTls, String from,
                    String replyDomain, int workers, Duration timeout, Imap imap) {
    static final Setting SMTP_HOST = Setting.of("email.smtp.host", "");
    static final Setting SMTP_PORT = Setting.of("email.smtp.port", "587");
    static final Setting SMTP_USER = Setting.of("email.smtp.user", "");
    static final Setting SMTP_PASSWORD = Setting.secret("email.smtp.password", "");
    static final Setting SMTP_START_TLS = Setting.of("email.smtp.startTls", "true");
    static final Setting FROM = Setting.of("email.from", "Parley Demo Lending <collections@parley.local>");
    static final Setting REPLY_DOMAIN = Setting.of("email.replyDomain", "parley.local");
    static final Setting WORKERS = Setting.of("email.workers", "8");
    static final Setting TIMEOUT = Setting.of("email.timeout", "PT20S");

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

    /** The email section of the configuration (with its imap part). */
    public static final class Section implements ConfigSection<Email> {
        @Override
        public List<Setting> settings() {
            List<Setting> all = new java.util.ArrayList<>(List.of(SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD,
                    SMTP_START_TLS, FROM, REPLY_DOMAIN, WORKERS, TIMEOUT));
            all.addAll(Imap.SETTINGS);
            return all;
        }

        @Override
        public Email read(SettingsReader reader) {
            return Email.read(reader);
        }
    }

    static Email read(SettingsReader r) {
        return new Email(
                r.get(SMTP_HOST, ConfigValues.optionalHost()),
                r.get(SMTP_PORT, ConfigValues.remotePort()),
                r.get(SMTP_USER, ConfigValues.text()),
                r.get(SMTP_PASSWORD, ConfigValues.secret()),
                r.get(SMTP_START_TLS, ConfigValues.bool()),
                r.get(FROM, ConfigValues.mailbox()),
                r.get(REPLY_DOMAIN, ConfigValues.domain()),
                r.get(WORKERS, ConfigValues.positiveInt()),
                r.get(TIMEOUT, ConfigValues.positiveDuration()),
                Imap.read(r));
    }
}
