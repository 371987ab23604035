package io.parley.channel.wechat;

import io.parley.channel.ChannelSender;
import io.parley.channel.ChannelServices;
import io.parley.channel.Outbound;
import io.parley.channel.ProviderRequests;
import io.parley.channel.SendResult;
import io.parley.channel.wechat.store.TemplateSends;
import io.parley.domain.AttemptStatus;
import io.parley.domain.Channel;
import io.parley.template.WechatMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Sends template messages on the non-blocking web client, behind the send's circuit breaker, rate limiter and
 * bulkhead (a message refused before the platform took it is tried again after a pause), with the shared access token (replaced once and the
 * message sent once more when the platform says it is invalid or expired). The platform's errcode decides: the
 * msgid of an accepted message becomes the attempt's reference (and is kept to find the attempt when its delivery
 * report comes); a user who is not subscribed or refuses is opted out on this channel; quota and rate limits
 * leave the attempt unsent, to run again later within policy; anything else fails it with the code and message.
 */
public final class TemplateSender implements ChannelSender {
    public static final String PROVIDER = "weixin-mp";
    private static final Logger LOG = LoggerFactory.getLogger(TemplateSender.class);

    private final OfficialAccountApi api;
    private final AccessTokens tokens;
    private final ProviderRequests requests;
    private final TemplateSends sends;
    private final ChannelServices services;
    private final Clock clock;

    TemplateSender(OfficialAccountApi api, AccessTokens tokens, ProviderRequests requests, TemplateSends sends,
                   ChannelServices services, Clock clock) {
        this.api = api;
        this.tokens = tokens;
        this.requests = requests;
        this.sends = sends;
        this.services = services;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Future<SendResult> send(Outbound outbound) {
        if (!(outbound.message() instanceof WechatMessage card)) {
            return Future.succeededFuture(SendResult.failed("wrong_message", "a WeChat template message needs a "
                    + "card, not " + outbound.message().getClass().getSimpleName() + "; nothing was sent"));
        }
        if (card.templateId() == null) {
            return Future.succeededFuture(SendResult.failed("template_id", "the template names no official-account "
                    + "template (templateId); nothing was sent"));
        }
        return deliver(outbound.attemptId(), outbound.to(), TemplatePayload.of(card));
    }

    /** Sends one template message (template_id, url, data) to an OpenID for an attempt. Never fails. */
    Future<SendResult> deliver(UUID attemptId, String openId, JsonObject message) {
        JsonObject body = message.copy().put("touser", openId);
        return requests.call(() -> tokens.token()
                        .transform(token -> token.failed()
                                ? Future.succeededFuture(SendAnswer.noToken(token.cause()))
                                : post(token.result(), body, true)), SendAnswer::verdict)
                .compose(ended -> ended.answer() == null ? Future.succeededFuture(ended.result())
                        : settle(ended.answer(), attemptId, openId));
    }

    private Future<SendAnswer> post(String token, JsonObject body, boolean mayReplaceToken) {
        return api.sendTemplate(token, body).transform(sent -> {
            if (sent.failed()) {
                return Future.succeededFuture(SendAnswer.transport(sent.cause()));
            }
            JsonObject answer = sent.result();
            int errcode = answer.getInteger("errcode", 0);
            Errcodes meaning = Errcodes.of(errcode);
            if (meaning == Errcodes.TOKEN_REJECTED && mayReplaceToken) {
                return tokens.replace(token).transform(fresh -> fresh.failed()
                        ? Future.succeededFuture(SendAnswer.noToken(fresh.cause()))
                        : post(fresh.result(), body, false));
            }
            return Future.succeededFuture(SendAnswer.of(meaning, errcode, answer.getString("errmsg", ""),
                    answer.getValue("msgid") == null ? null : String.valueOf(answer.getValue("msgid"))));
        });
    }

    /** Keeps the msgid of an accepted message, opts out a user the platform will not send to, then answers. */
    private Future<SendResult> settle(SendAnswer answer, UUID attemptId, String openId) {
        SendResult result = answer.result();
        if (result.status() == AttemptStatus.QUEUED && result.providerRef() != null) {
            return sends.remember(result.providerRef(), attemptId, openId, clock.instant())
                    .transform(kept -> {
                        if (kept.failed()) {
                            LOG.warn("Template message {} was accepted but could not be kept for its delivery report: {}",
                                    result.providerRef(), kept.cause().toString());
                        }
                        return Future.succeededFuture(result);
                    });
        }
        if (answer.optedOut()) {
            String why = "WeChat errcode " + result.errorCode() + ": " + result.errorMessage();
            return services.contactPoint(Channel.WECHAT, openId, ChannelServices.ContactPointStanding.OPTED_OUT, why)
                    .transform(done -> {
                        if (done.failed()) {
                            LOG.warn("Could not opt out a WeChat contact point after errcode {}: {}",
                                    result.errorCode(), done.cause().toString());
                        }
                        return Future.succeededFuture(result);
                    });
        }
        return Future.succeededFuture(result);
    }

    /**
     * What one send came to, its metric kind (null when all went well), whether it reflects on the platform, whether
     * the platform said the user will not get it, and whether it may be tried again at once (turned away at the door).
     */
    record SendAnswer(SendResult result, String kind, boolean providerFault, boolean optedOut, boolean retry) {

        SendAnswer(SendResult result, String kind, boolean providerFault, boolean optedOut) {
            this(result, kind, providerFault, optedOut, false);
        }

        ProviderRequests.Verdict verdict() {
            return new ProviderRequests.Verdict(result, kind, providerFault, retry);
        }

        static SendAnswer of(Errcodes meaning, int errcode, String errmsg, String msgId) {
            String code = Integer.toString(errcode);
            return switch (meaning) {
                case ACCEPTED -> msgId == null
                        ? new SendAnswer(SendResult.unknown("accepted without a msgid"), "client_error", false, false)
                        : new SendAnswer(SendResult.accepted(AttemptStatus.QUEUED, msgId), null, false, false);
                case OPTED_OUT -> new SendAnswer(SendResult.failed(code, errmsg), "opted_out", false, true);
                case DEFERRED -> new SendAnswer(SendResult.notAttempted(code, "deferred: " + errmsg),
                        "rate_limited", true, false);
                // a token refused twice in a row: nothing was sent
                case TOKEN_REJECTED -> new SendAnswer(SendResult.notAttempted(code, "access token refused: " + errmsg),
                        "token", true, false);
                case REFUSED -> new SendAnswer(SendResult.failed(code, errmsg), "rejected", false, false);
            };
        }

        static SendAnswer noToken(Throwable cause) {
            boolean refused = cause instanceof OfficialAccountApi.TokenRefused;
            String code = refused ? Integer.toString(((OfficialAccountApi.TokenRefused) cause).errcode()) : "token";
            return new SendAnswer(SendResult.notAttempted(code, "no access token, nothing was sent: "
                    + cause.getMessage()), "token", !refused, false);
        }

        /**
         * No connection, or turned away (429, 503): nothing went out. A timeout, another server error or an answer
         * that cannot be read: it may have been taken, so the outcome is unknown and it is never sent again blindly.
         */
        static SendAnswer transport(Throwable error) {
            if (error instanceof OfficialAccountApi.UnexpectedAnswer http) {
                int status = http.status();
                if (status == 429 || status == 503) {
                    return new SendAnswer(SendResult.notAttempted(Integer.toString(status), "turned away: "
                            + http.getMessage()), status == 429 ? "rate_limited" : "server_error", true, false, true);
                }
                if (status >= 400 && status < 500) {
                    return new SendAnswer(SendResult.failed(Integer.toString(status), "refused: " + http.getMessage()),
                            "rejected", false, false);
                }
                return new SendAnswer(SendResult.unknown(http.getMessage()), "server_error", true, false);
            }
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof ConnectException) {
                    return new SendAnswer(SendResult.notAttempted("connect", "could not connect: " + t.getMessage()),
                            "server_error", true, false, true);
                }
                if (t instanceof TimeoutException) {
                    return new SendAnswer(SendResult.unknown("no answer in time: " + t.getMessage()), "timeout",
                            true, false);
                }
            }
            return new SendAnswer(SendResult.unknown(String.valueOf(error.getMessage())), "client_error", true, false);
        }
    }
}
