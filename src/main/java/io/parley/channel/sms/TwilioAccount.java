package io.parley.channel.sms;

import io.parley.config.ConfigValues;
import io.parley.config.Secret;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Twilio account as a channel's section configures it (SID, auth token, REST API base URL). Without a SID the
 * channel is simulated: it starts the local Twilio simulator with fresh credentials instead.
 */
public record TwilioAccount(String accountSid, Secret authToken, String baseUrl) {
    private static final Pattern SID_FORMAT = Pattern.compile("AC[0-9a-fA-F]{32}");

    public TwilioAccount {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    public boolean simulated() {
        return accountSid.isEmpty();
    }

    /** Reads the account from a section's three keys; a SID without a token is a problem of the token's key. */
    public static TwilioAccount read(SettingsReader r, Setting sid, Setting token, Setting baseUrl) {
        String accountSid = r.get(sid, text -> {
            if (!text.isEmpty() && !SID_FORMAT.matcher(text).matches()) {
                throw new IllegalArgumentException(
                        "is not a Twilio account SID (AC and 32 hex digits; empty to use the simulator)");
            }
            return text;
        });
        Secret authToken = r.get(token, ConfigValues.secret());
        if (!accountSid.isEmpty() && authToken.isEmpty()) {
            r.problem(token, "is required when " + sid.key() + " is set");
        }
        return new TwilioAccount(accountSid, authToken, r.get(baseUrl, ConfigValues.httpUrl()));
    }

    /** Random hex digits, for a simulator's fresh account SID and auth token. */
    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
