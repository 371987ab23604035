package io.parley.channel.wechat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.time.Duration;

/**
 * The two calls Parley makes to the platform (or a gateway that speaks its API), on the non-blocking Vert.x web
 * client: the access token ({@code GET /cgi-bin/token}) and a template message
 * ({@code POST /cgi-bin/message/template/send}). Answers are JSON with {@code errcode} and {@code errmsg}.
 */
final class OfficialAccountApi {
    static final String TOKEN_PATH = "/cgi-bin/token";
    static final String TEMPLATE_SEND_PATH = "/cgi-bin/message/template/send";

    private final WebClient client;
    private final String baseUrl;
    private final String appId;
    private final String secret;
    private final long timeoutMillis;

    OfficialAccountApi(WebClient client, String baseUrl, String appId, String secret, Duration timeout) {
        this.client = client;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.appId = appId;
        this.secret = secret;
        this.timeoutMillis = timeout.toMillis();
    }

    /** A new access token; fails with {@link TokenRefused} when the platform answers an errcode. */
    Future<AccessTokens.Grant> grant() {
        return client.getAbs(baseUrl + TOKEN_PATH)
                .addQueryParam("grant_type", "client_credential")
                .addQueryParam("appid", appId)
                .addQueryParam("secret", secret)
                .timeout(timeoutMillis)
                .send()
                .compose(response -> {
                    JsonObject body = json(response);
                    String token = body.getString("access_token");
                    if (token == null || token.isEmpty()) {
                        return Future.failedFuture(new TokenRefused(body.getInteger("errcode", -1),
                                body.getString("errmsg", "no access_token in the answer")));
                    }
                    return Future.succeededFuture(new AccessTokens.Grant(token,
                            Duration.ofSeconds(body.getLong("expires_in", 7200L))));
                });
    }

    /** Posts a template message; the answer's JSON whatever its errcode. Transport failures fail the future. */
    Future<JsonObject> sendTemplate(String accessToken, JsonObject message) {
        return client.postAbs(baseUrl + TEMPLATE_SEND_PATH)
                .addQueryParam("access_token", accessToken)
                .timeout(timeoutMillis)
                .sendJsonObject(message)
                .compose(response -> Future.succeededFuture(json(response)));
    }

    private static JsonObject json(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            throw new UnexpectedAnswer(response.statusCode(), "HTTP " + response.statusCode());
        }
        try {
            JsonObject body = response.bodyAsJsonObject();
            if (body == null) {
                throw new UnexpectedAnswer(200, "an empty answer");
            }
            return body;
        } catch (DecodeException e) {
            throw new UnexpectedAnswer(200, "an answer that is not JSON");
        }
    }

    /** The token endpoint answered with an errcode (wrong AppID or secret, IP not allowed, busy). */
    static final class TokenRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int errcode;

        TokenRefused(int errcode, String errmsg) {
            super("access token refused: errcode " + errcode + " " + errmsg);
            this.errcode = errcode;
        }

        int errcode() {
            return errcode;
        }
    }

    /** An answer that is not what the API gives: another HTTP status, or no JSON. */
    static final class UnexpectedAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        UnexpectedAnswer(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
