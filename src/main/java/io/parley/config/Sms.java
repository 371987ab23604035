package io.parley.config;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SMS channel through Twilio. Without accountSid the channel is simulated: messages go to the local Twilio
 * simulator instead. from is the sending number (E.164); workers bounds concurrent provider calls; timeout
 * bounds each call.
 */
public record Sms(String accountSid, Secret authToken, String baseUrl, String from, int workers, Duration timeout) {

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");

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

    static Sms read(ConfigReader r) {
        String accountSid = r.get(Setting.SMS_TWILIO_ACCOUNT_SID, text -> {
            if (!text.isEmpty() && !ACCOUNT_SID.matcher(text).matches()) {
                throw new IllegalArgumentException(
                        "is not a Twilio account SID (AC and 32 hex digits; empty to use the simulator)");
            }
            return text;
        });
        Secret authToken = r.get(Setting.SMS_TWILIO_AUTH_TOKEN, ConfigValues.secret());
        if (!accountSid.isEmpty() && authToken.isEmpty()) {
            r.problem(Setting.SMS_TWILIO_AUTH_TOKEN,
                    "is required when " + Setting.SMS_TWILIO_ACCOUNT_SID.key() + " is set");
        }
        return new Sms(accountSid, authToken,
                r.get(Setting.SMS_TWILIO_BASE_URL, ConfigValues.httpUrl()),
                r.get(Setting.SMS_FROM, ConfigValues.e164()),
                r.get(Setting.SMS_WORKERS, ConfigValues.positiveInt()),
                r.get(Setting.SMS_TIMEOUT, ConfigValues.positiveDuration()));
    }
}
