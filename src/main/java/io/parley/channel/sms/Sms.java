package io.parley.channel.sms;

import io.parley.config.ConfigSection;
import io.parley.config.ConfigValues;
import io.parley.config.Secret;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;

import java.util.List;

import java.time.Duration;
import java.util.Objects;

/**
 * The SMS channel through Twilio. Without accountSid the channel is simulated: messages go to the local Twilio
 * simulator instead. from is the sending number (E.164); workers bounds concurrent provider calls; timeout
 * bounds each call.
 */
public record Sms(String accountSid, Secret authToken, String baseUrl, String from, int workers, Duration timeout) {
    static final Setting ACCOUNT_SID = Setting.of("sms.twilio.accountSid", "");
    static final Setting AUTH_TOKEN = Setting.secret("sms.twilio.authToken", "");
    static final Setting BASE_URL = Setting.of("sms.twilio.baseUrl", "https://api.twilio.com");
    static final Setting FROM = Setting.of("sms.from", "+15005550006");
    static final Setting WORKERS = Setting.of("sms.workers", "16");
    static final Setting TIMEOUT = Setting.of("sms.timeout", "PT10S");

    public Sms {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
    }

    public boolean simulated() {
        return accountSid.isEmpty();
    }

    /** The sms section of the configuration. */
    public static final class Section implements ConfigSection<Sms> {
        @Override
        public List<Setting> settings() {
            return List.of(ACCOUNT_SID, AUTH_TOKEN, BASE_URL, FROM, WORKERS, TIMEOUT);
        }

        @Override
        public Sms read(SettingsReader reader) {
            return Sms.read(reader);
        }
    }

    static Sms read(SettingsReader r) {
        TwilioAccount account = TwilioAccount.read(r, ACCOUNT_SID, AUTH_TOKEN, BASE_URL);
        return new Sms(account.accountSid(), account.authToken(), account.baseUrl(),
                r.get(FROM, ConfigValues.e164()),
                r.get(WORKERS, ConfigValues.positiveInt()),
                r.get(TIMEOUT, ConfigValues.positiveDuration()));
    }
}
