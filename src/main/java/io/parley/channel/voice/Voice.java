package io.parley.channel.voice;

import io.parley.channel.sms.TwilioAccount;
import io.parley.config.ConfigSection;
import io.parley.config.ConfigValues;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;
import io.parley.config.ValueParser;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The voice channel through Twilio's Calls API. Without an account SID the channel is simulated: calls go to a local
 * Twilio simulator that plays the callee. from is the caller ID (E.164); agentNumber is where option 3 puts the
 * debtor through (empty = no agents); workers bounds concurrent API calls and timeout each one; ringTimeout is how
 * long a call rings; listenTimeout how long a question waits for keys; callsPerSecond and maxConcurrentCalls pace
 * the calls of this sender; longestCall ends a call that lasts longer (Twilio's TimeLimit) and bounds how long a
 * call counts as in progress. simulatorPort is where the local simulator listens when there is no account (0: any).
 */
public record Voice(TwilioAccount account, String from, String agentNumber, int workers, Duration timeout,
                    Duration ringTimeout, Duration listenTimeout, int callsPerSecond, int maxConcurrentCalls,
                    Duration longestCall, int simulatorPort) {
    static final Setting ACCOUNT_SID = Setting.of("voice.twilio.accountSid", "");
    static final Setting AUTH_TOKEN = Setting.secret("voice.twilio.authToken", "");
    static final Setting BASE_URL = Setting.of("voice.twilio.baseUrl", "https://api.twilio.com");
    static final Setting FROM = Setting.of("voice.from", "+15005550006");
    static final Setting AGENT_NUMBER = Setting.of("voice.agentNumber", "+18005550199");
    static final Setting WORKERS = Setting.of("voice.workers", "8");
    static final Setting TIMEOUT = Setting.of("voice.timeout", "PT10S");
    static final Setting RING_TIMEOUT = Setting.of("voice.ringTimeout", "PT30S");
    static final Setting LISTEN_TIMEOUT = Setting.of("voice.listenTimeout", "PT6S");
    static final Setting CALLS_PER_SECOND = Setting.of("voice.callsPerSecond", "1");
    static final Setting MAX_CONCURRENT_CALLS = Setting.of("voice.maxConcurrentCalls", "10");
    static final Setting LONGEST_CALL = Setting.of("voice.longestCall", "PT10M");
    static final Setting SIMULATOR_PORT = Setting.of("voice.simulatorPort", "0");

    public Voice {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(from, "from");
        agentNumber = agentNumber == null || agentNumber.isBlank() ? null : agentNumber;
    }

    /** The voice section of the configuration. */
    public static final class Section implements ConfigSection<Voice> {
        @Override
        public List<Setting> settings() {
            return List.of(ACCOUNT_SID, AUTH_TOKEN, BASE_URL, FROM, AGENT_NUMBER, WORKERS, TIMEOUT, RING_TIMEOUT,
                    LISTEN_TIMEOUT, CALLS_PER_SECOND, MAX_CONCURRENT_CALLS, LONGEST_CALL, SIMULATOR_PORT);
        }

        @Override
        public Voice read(SettingsReader r) {
            return new Voice(TwilioAccount.read(r, ACCOUNT_SID, AUTH_TOKEN, BASE_URL),
                    r.get(FROM, ConfigValues.e164()),
                    r.get(AGENT_NUMBER, text -> text.isEmpty() ? "" : ConfigValues.e164().parse(text)),
                    r.get(WORKERS, ConfigValues.positiveInt()),
                    r.get(TIMEOUT, ConfigValues.positiveDuration()),
                    r.get(RING_TIMEOUT, seconds(5, 600)),
                    r.get(LISTEN_TIMEOUT, seconds(1, 60)),
                    r.get(CALLS_PER_SECOND, ConfigValues.range(1, 1000, "is not 1 to 1000 calls a second")),
                    r.get(MAX_CONCURRENT_CALLS, ConfigValues.range(1, 10_000, "is not 1 to 10000 calls")),
                    r.get(LONGEST_CALL, seconds(60, 4 * 3600)),
                    r.get(SIMULATOR_PORT, ConfigValues.listenPort()));
        }
    }

    /** A duration of whole seconds within bounds, as Twilio's timeouts take them. */
    private static ValueParser<Duration> seconds(int min, int max) {
        return text -> {
            Duration value = ConfigValues.positiveDuration().parse(text);
            if (value.getNano() != 0 || value.getSeconds() < min || value.getSeconds() > max) {
                throw new IllegalArgumentException("is not a whole number of seconds from PT" + min + "S to PT" + max
                        + "S");
            }
            return value;
        };
    }
}
