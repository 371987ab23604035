package io.parley.channel.wechat;

import io.parley.config.ConfigSection;
import io.parley.config.ConfigValues;
import io.parley.config.Secret;
import io.parley.config.Setting;
import io.parley.config.SettingsReader;
import io.parley.config.ValueParser;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The WeChat channel: an official account (AppID and AppSecret) reached through the platform's API at gatewayUrl,
 * which pushes messages and events to /webhooks/wechat signed with the token and, in safe mode, encrypted with the
 * EncodingAESKey. Without gatewayUrl the local WeChat simulator stands in for the platform; without a token one is
 * made up at start. timeout bounds each API call; maxBodyBytes bounds a pushed message.
 */
public record Wechat(String appId, Secret secret, Secret token, Secret encodingAesKey, String gatewayUrl,
                     Duration timeout, int maxBodyBytes, int simulatorPort) {
    static final Setting APP_ID = Setting.of("wechat.appId", "");
    static final Setting SECRET = Setting.secret("wechat.secret", "");
    static final Setting TOKEN = Setting.secret("wechat.token", "");
    static final Setting ENCODING_AES_KEY = Setting.secret("wechat.encodingAesKey", "");
    static final Setting GATEWAY_URL = Setting.of("wechat.gatewayUrl", "");
    static final Setting TIMEOUT = Setting.of("wechat.timeout", "PT10S");
    static final Setting MAX_BODY_BYTES = Setting.of("wechat.maxBodyBytes", "65536");
    static final Setting SIMULATOR_PORT = Setting.of("wechat.simulatorPort", "0");

    private static final Pattern APP_ID_FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TOKEN_FORMAT = Pattern.compile("[A-Za-z0-9]{3,32}");
    private static final Pattern AES_KEY_FORMAT = Pattern.compile("[A-Za-z0-9+/]{43}");

    public Wechat {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(encodingAesKey, "encodingAesKey");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** No gateway configured: the local simulator plays the platform. */
    public boolean simulated() {
        return gatewayUrl.isEmpty();
    }

    /** The wechat section of the configuration. */
    public static final class Section implements ConfigSection<Wechat> {
        @Override
        public List<Setting> settings() {
            return List.of(APP_ID, SECRET, TOKEN, ENCODING_AES_KEY, GATEWAY_URL, TIMEOUT, MAX_BODY_BYTES,
                    SIMULATOR_PORT);
        }

        @Override
        public Wechat read(SettingsReader reader) {
            return Wechat.read(reader);
        }
    }

    static Wechat read(SettingsReader r) {
        String gatewayUrl = r.get(GATEWAY_URL, text -> text.isEmpty() ? "" : ConfigValues.httpUrl().parse(text));
        String appId = r.get(APP_ID, matching(APP_ID_FORMAT, "is not an AppID (letters, digits, _ and -)"));
        Secret secret = r.get(SECRET, ConfigValues.secret());
        if (!gatewayUrl.isEmpty()) {
            if (appId.isEmpty()) {
                r.problem(APP_ID, "is required when " + GATEWAY_URL.key() + " is set");
            }
            if (secret.isEmpty()) {
                r.problem(SECRET, "is required when " + GATEWAY_URL.key() + " is set");
            }
        }
        return new Wechat(appId, secret,
                Secret.of(r.get(TOKEN, matching(TOKEN_FORMAT, "is not a server token (3 to 32 letters and digits)"))),
                Secret.of(r.get(ENCODING_AES_KEY, matching(AES_KEY_FORMAT,
                        "is not an EncodingAESKey (43 letters and digits)"))),
                gatewayUrl,
                r.get(TIMEOUT, ConfigValues.positiveDuration()),
                r.get(MAX_BODY_BYTES, ConfigValues.positiveInt()),
                r.get(SIMULATOR_PORT, ConfigValues.listenPort()));
    }

    /** Empty, or text matching the pattern. */
    private static ValueParser<String> matching(Pattern pattern, String expected) {
        return text -> {
            if (!text.isEmpty() && !pattern.matcher(text).matches()) {
                throw new IllegalArgumentException(expected);
            }
            return text;
        };
    }
}
